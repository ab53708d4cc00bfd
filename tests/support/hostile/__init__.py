"""A corpus of hostile input that every change runs against: malformed notes files, malicious
imports, and odd paths. Each case is built here, in code, so it is reviewable and portable."""
