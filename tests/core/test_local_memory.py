"""What a worker keeps in its own memory is bounded in entries and bytes."""

from core.caching import fragments as cache


def test_a_workers_memory_of_cached_pieces_is_bounded_in_bytes():
    cache.local_clear()
    page = b"x" * 200_000  # a large rendered page
    for number in range(500):  # 100 MB in all
        cache.local_remember(f"page:{number}", {"content": page, "headers": {}, "etag": '"e"'})
    assert cache._local_bytes <= cache.LOCAL_BYTES
    assert len(cache._LOCAL) <= cache.LOCAL_BYTES // 200_000
    # What was remembered last is still there.
    assert cache.local_get("page:499")["content"] == page


def test_a_workers_memory_is_bounded_in_entries():
    cache.local_clear()
    for number in range(cache.LOCAL_ENTRIES * 3):
        cache.local_remember(f"fragment:{number}", "<li>Eintrag</li>")
    assert len(cache._LOCAL) <= cache.LOCAL_ENTRIES


def test_a_single_huge_value_is_not_kept_in_memory():
    cache.local_clear()
    cache.local_remember("small", "klein")
    cache.local_remember("huge", b"x" * cache.LOCAL_BYTES)
    assert cache.local_get("huge") is None
    assert cache.local_get("small") == "klein"
