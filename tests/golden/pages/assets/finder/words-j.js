window.FINDER.add("words-j", {"javascript":[2],"job":[0,1],"jobpakke":[1]});
