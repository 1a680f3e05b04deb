"""Pure rules, no I/O: the complaint aggregate, the workflow, validators, calendar, numbering."""
