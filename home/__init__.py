"""The home page of each language, plain content pages (About, Contact, Impressum) and the accessibility statement. May import core."""
