"""The caching layer (docs/developers/caching.md): keys, generations and
fragments (fragments), the anonymous page cache (page_cache), what an edit
purges (purge), values built at publish time (precomputed), and the cache
backends (redis_cache, filecache).

May import Django, Wagtail and the rest of core; page apps register with it
(precomputed.register) and never the other way round.
"""
