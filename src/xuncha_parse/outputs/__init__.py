"""Stage 7 and after: the pydantic models of the contract and the forms a notice is written in (CSV, the terminal view, corpus stats)."""
