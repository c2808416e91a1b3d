window.FINDER.add("words-b", {"borgere":[0],"borgeren":[1,2]});
