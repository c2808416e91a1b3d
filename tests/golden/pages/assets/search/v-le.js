window.TK_DATA.add("search/v-le", {"terms":{},"words":{"led":["ledig",[],[],[10]],"let":["let",[],[2],[]],"leverandør":["leverandør",[],[],[12]]}});
