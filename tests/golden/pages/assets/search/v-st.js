window.TK_DATA.add("search/v-st", {"terms":{},"words":{"stad":["stadig",[],[],[10]],"stil":["stiller",[],[],[12]],"stjern":["stjerner",[],[],[2]],"støt":["støtte",[],[],[5,4]]}});
