window.FINDER.add("words-va", {"vaerkstedet":[1,2]});
