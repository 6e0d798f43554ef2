"""The home page of each language and plain content pages (About, Contact, Impressum). May import core."""
