window.FINDER.add("words-fae", {"færdighedstræning":[0,2]});
