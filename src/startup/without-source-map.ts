// Stands in for the source-map package in the command's bundle (see the
// Makefile). Handlebars writes the code of a compiled template through
// source-map's SourceNode when the package is there, building a tree of nodes
// for a map nothing here asks for, and through plain strings when it is not:
// the same code, in less time and a smaller bundle.
export {};
