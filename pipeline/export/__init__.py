"""Stage 5: write files. Exporters read the rendered document and produce bytes; only
:mod:`pipeline.export.files` touches the output folder, atomically."""
