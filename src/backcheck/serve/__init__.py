"""``backcheck serve``: the editor's local web page (Starlette + uvicorn, the ``serve`` extra).

:mod:`~backcheck.serve.desk` holds the articles, checks and decisions; :mod:`~backcheck.serve.page`
writes the HTML; :mod:`~backcheck.serve.app` is the HTTP layer and its security. Nothing here is
imported by ``backcheck --help``.
"""
