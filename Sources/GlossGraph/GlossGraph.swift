// The library's one import: the stages, and the jobs that run them.
@_exported import GlossGraphCounting
@_exported import GlossGraphExport
@_exported import GlossGraphExtraction
@_exported import GlossGraphGlossary
@_exported import GlossGraphGraph
@_exported import GlossGraphReading
@_exported import GlossGraphText
