"""Demo content: the network's real facts (../shared/content/facts.md) as a
German page tree with English translations, editorial accounts, and the same
at any scale for the benchmark and the scale test.

`manage.py load_demo` builds it; `make run` installs the app (DEMO=1), a
production deployment leaves it out. May import every app; nothing imports it
but tests and devtools.
"""
