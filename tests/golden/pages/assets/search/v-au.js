window.TK_DATA.add("search/v-au", {"terms":{"autism":[4],"autist":[4]},"words":{"autism":["autisme",[4],[2,8],[]],"autist":["autist",[4],[2,8],[]]}});
