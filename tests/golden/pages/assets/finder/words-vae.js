window.FINDER.add("words-vae", {"værkstedet":[1,2]});
