"""One router per resource: events, articles, stats; and the web app's pages."""
