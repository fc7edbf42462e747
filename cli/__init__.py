"""The np2torch command line."""
