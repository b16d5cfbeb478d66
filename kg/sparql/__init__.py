"""SPARQL for people and programs: `kg query`, the bundled queries, `kg serve`."""
