window.FINDER.add("words-bo", {"borgere":[0],"borgeren":[1,2]});
