"""congvan pipeline: file -> text with pages -> zones -> findings -> record -> sinks."""
