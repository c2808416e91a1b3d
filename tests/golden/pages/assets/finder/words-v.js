window.FINDER.add("words-v", {"vaerkstedet":[1,2],"værkstedet":[1,2]});
