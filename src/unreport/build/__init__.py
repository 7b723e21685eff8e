"""The build: the pipeline (gather, then write every output), the cache, progress, the manifest and watch mode."""
