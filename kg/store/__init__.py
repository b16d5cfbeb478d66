"""Where the graph lives: the embedded Oxigraph store, any SPARQL 1.1 endpoint, RDF formats, inference, loading."""
