// Empty: the crate exists only to fetch its dependency's source.
