"""The home page of each language, plain content pages (About, Impressum) and the accessibility statement with its barrier report form. May import core, and contact's form machinery."""
