"""Analysis of supplysim result files: scenario comparison, fan charts, sensitivity and policy memos."""

__version__ = "0.1.0"
