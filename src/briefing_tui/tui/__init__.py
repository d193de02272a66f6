"""The terminal user interface: widgets built on Textual."""
