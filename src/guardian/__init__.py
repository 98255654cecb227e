"""Guardian (حارس): helps Arabic-speaking parents find out, early and
privately, that their child is being bullied, threatened or preyed on in chat."""

__version__ = "0.1.0"
APP_NAME = "Guardian"
APP_ID = "guardian"
