"""Django's file-based cache, culled now and then instead of on every write.

`FileBasedCache.set()` lists every file in the cache directory to decide
whether to cull, on every write. With the page cache holding thousands of
pages that listing costs more than rendering the page. Here one write in
`CULL_EVERY` (at random, so every worker takes its share) checks the size;
the cache can overshoot `MAX_ENTRIES` by a few hundred files until then.
"""

import random

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 200


class FileCache(FileBasedCache):
    def _cull(self):
        if random.randrange(CULL_EVERY) == 0:  # noqa: S311 - spreading work, not a secret
            super()._cull()
