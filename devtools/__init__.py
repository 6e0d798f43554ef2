"""Developer tooling: the benchmark (`manage.py bench`) and the throwaway
served copies of the site that it and the whole-process tests start.

Installed by the development and test settings only. May import every app
and demo; nothing imports it but tests.
"""
