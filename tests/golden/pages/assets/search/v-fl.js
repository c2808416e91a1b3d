window.TK_DATA.add("search/v-fl", {"terms":{},"words":{"fleksjob":["fleksjob",[],[10],[]]}});
