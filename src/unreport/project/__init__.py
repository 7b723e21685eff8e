"""A project: where its files are (its own over the tool's shipped data, layer by layer) and its settings (unreport.toml or [tool.unreport])."""
