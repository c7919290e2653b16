"""The SDG project scan (browser tool): its page and configuration, made at build time.

The JavaScript lives in docs/assets/projectscan/, the data in data/projectscan.yaml.
"""
