"""The HTTP host: stored connections, OAuth in the browser, webhooks and the playground page, over FastAPI.

Imported only by the `serve` command and hosts that embed it, so other commands never load FastAPI.
"""
