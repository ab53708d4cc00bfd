"""What the tests share: paths, servers, pages and PDFs made for them, the hostile corpus,
the kill-torture harness and the matcher's reference implementation."""
