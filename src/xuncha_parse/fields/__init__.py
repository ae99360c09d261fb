"""Stage 6: the fields of the contract, read off the document: preamble, inspection, dates, problems, roles, contacts, entities, outline, diagnostics."""
