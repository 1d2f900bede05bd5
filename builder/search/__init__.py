"""Site stage: the search entries of each page and the Pagefind index of the built site."""
