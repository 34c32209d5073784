"""Reading news items from files and streams, record by record, with line numbers."""
