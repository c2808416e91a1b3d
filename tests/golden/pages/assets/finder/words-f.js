window.FINDER.add("words-f", {"finder":[1],"får":[2],"færdighedstræning":[0,2]});
