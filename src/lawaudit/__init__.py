"""lawaudit: audit the numbers in Chinese government reports."""

__version__ = "0.1.0"
