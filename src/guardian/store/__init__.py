"""The encrypted SQLite store: schema, migrations, the one writer."""
