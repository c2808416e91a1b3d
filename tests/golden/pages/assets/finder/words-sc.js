window.FINDER.add("words-sc", {"script":[2]});
