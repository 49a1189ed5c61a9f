"""The headline hint asks for a headline without making the form jump while typing."""

from PySide6.QtCore import Qt

from deskapp.model import Article


def body_top(window):
    return window.editor.body.mapTo(window.editor, window.editor.body.rect().topLeft()).y()


def test_a_new_empty_article_shows_no_hint(window):
    window.act_new.trigger()
    assert window.editor.title.text() == ""
    assert not window.editor.headline_hint.isVisible()


def test_the_hint_stays_while_typing_and_goes_when_the_headline_is_left(qtbot, window,
                                                                         library):
    article = library.save(Article(body="Sáng 5/12, Ủy ban nhân dân tỉnh họp.\n"))
    window.session.open(article.id)
    editor = window.editor
    assert editor.headline_hint.isVisible()
    top = body_top(window)
    editor.title.setFocus()
    qtbot.keyClicks(editor.title, "Hoi nghi")
    assert editor.headline_hint.isVisible()  # the first letters move nothing
    assert body_top(window) == top
    qtbot.keyClick(editor.title, Qt.Key.Key_Return)  # the headline is left
    assert not editor.headline_hint.isVisible()


def test_asking_for_a_headline_shows_the_hint_again(window):
    window.act_new.trigger()
    window.editor.ask_for_headline()
    assert window.editor.headline_hint.isVisible()
