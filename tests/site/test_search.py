"""The search box finds what readers type: the chapter that teaches it comes first."""

import pytest

pytestmark = pytest.mark.slow

FIRST_RESULT = {
    "backpropagation": "chapters/06-backprop",
    "backprop": "chapters/06-backprop",
    "back-propagation": "chapters/06-backprop",
    "gradient descent": "chapters/07-training-adam",
    "ReLU": "chapters/02-activations",
    "softmax": "chapters/05-softmax-cross-entropy",
}


@pytest.mark.parametrize("query, chapter", FIRST_RESULT.items())
def test_search_puts_the_teaching_chapter_first(offline_page, site_url, query, chapter):
    page = offline_page
    page.goto(f"{site_url}/search.html?q={query}", wait_until="networkidle")
    page.wait_for_function(  # the heading reads "Searching" until every result is listed
        "() => document.querySelector('#search-results h2')?.textContent === 'Search Results'")
    results = page.locator("#search-results ul.search li a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))")
    assert results, f"nothing found for {query!r}"
    assert results[0].split("#")[0] == f"{chapter}.html", (query, results[:5])
