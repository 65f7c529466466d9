"""The header's "Daftar" button sits in line with the other menu links and shows its whole
label, on a phone and on a desktop."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

_BOXES = """() => {
  const box = e => {
    const r = e.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
  };
  const nav = document.querySelector('header.site-header nav.main-nav');
  const links = [...nav.querySelectorAll('a')];
  const signup = links.find(a => a.textContent.trim() === 'Daftar');
  const login = links.find(a => a.textContent.trim() === 'Masuk');
  return {
    header: box(document.querySelector('header.site-header')), nav: box(nav),
    signup: box(signup), login: box(login),
    signupScroll: signup.scrollWidth, signupClient: signup.clientWidth,
    signupScrollH: signup.scrollHeight, signupClientH: signup.clientHeight,
  };
}"""


def _inside(inner: dict, outer: dict) -> bool:
    return (
        inner["left"] >= outer["left"] - 0.5
        and inner["right"] <= outer["right"] + 0.5
        and inner["top"] >= outer["top"] - 0.5
        and inner["bottom"] <= outer["bottom"] + 0.5
    )


def _middle(box: dict) -> float:
    return (box["top"] + box["bottom"]) / 2


def test_signup_button_is_aligned_with_the_login_link(page, viewport):
    """Anonymous visitor on the home page: the button lies inside the header and its menu, its
    vertical centre is within 3 px of the "Masuk" link's, and its label is not cut off."""
    page.goto("/")
    boxes = page.evaluate(_BOXES)
    assert _inside(boxes["signup"], boxes["nav"]), boxes
    assert _inside(boxes["signup"], boxes["header"]), boxes
    assert _inside(boxes["login"], boxes["nav"]), boxes
    assert abs(_middle(boxes["signup"]) - _middle(boxes["login"])) <= 3, boxes
    assert boxes["signupScroll"] <= boxes["signupClient"], boxes
    assert boxes["signupScrollH"] <= boxes["signupClientH"], boxes
