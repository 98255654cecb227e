"""Qt-free analysis core: normalisation, lexicons, features, the model and classification."""
