"""Labels users give: the SQLite label store, importing and exporting them."""
