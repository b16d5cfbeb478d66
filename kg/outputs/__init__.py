"""What people and other tools read: terminal tables, reports, the interactive page, exports, validation, docs."""
