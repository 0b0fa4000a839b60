var ha=Object.defineProperty;var da=Object.getOwnPropertyDescriptor;var g=(i,t,e,s)=>{for(var n=s>1?void 0:s?da(t,e):t,r=i.length-1,o;r>=0;r--)(o=i[r])&&(n=(s?o(t,e,n):o(n))||n);return s&&n&&ha(t,e,n),n};var ds=globalThis,fs=ds.ShadowRoot&&(ds.ShadyCSS===void 0||ds.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,wi=Symbol(),Dn=new WeakMap,Mt=class{constructor(t,e,s){if(this._$cssResult$=!0,s!==wi)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=e}get styleSheet(){let t=this.o,e=this.t;if(fs&&t===void 0){let s=e!==void 0&&e.length===1;s&&(t=Dn.get(e)),t===void 0&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),s&&Dn.set(e,t))}return t}toString(){return this.cssText}},Un=i=>new Mt(typeof i=="string"?i:i+"",void 0,wi),ki=(i,...t)=>{let e=i.length===1?i[0]:t.reduce((s,n,r)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+i[r+1],i[0]);return new Mt(e,i,wi)},zn=(i,t)=>{if(fs)i.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of t){let s=document.createElement("style"),n=ds.litNonce;n!==void 0&&s.setAttribute("nonce",n),s.textContent=e.cssText,i.appendChild(s)}},Ai=fs?i=>i:i=>i instanceof CSSStyleSheet?(t=>{let e="";for(let s of t.cssRules)e+=s.cssText;return Un(e)})(i):i;var{is:fa,defineProperty:ga,getOwnPropertyDescriptor:ma,getOwnPropertyNames:ba,getOwnPropertySymbols:ya,getPrototypeOf:$a}=Object,gs=globalThis,Hn=gs.trustedTypes,va=Hn?Hn.emptyScript:"",wa=gs.reactiveElementPolyfillSupport,Dt=(i,t)=>i,Ut={toAttribute(i,t){switch(t){case Boolean:i=i?va:null;break;case Object:case Array:i=i==null?i:JSON.stringify(i)}return i},fromAttribute(i,t){let e=i;switch(t){case Boolean:e=i!==null;break;case Number:e=i===null?null:Number(i);break;case Object:case Array:try{e=JSON.parse(i)}catch{e=null}}return e}},ms=(i,t)=>!fa(i,t),Fn={attribute:!0,type:String,converter:Ut,reflect:!1,useDefault:!1,hasChanged:ms};Symbol.metadata??=Symbol("metadata"),gs.litPropertyMetadata??=new WeakMap;var Ce=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,e=Fn){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(t,e),!e.noAccessor){let s=Symbol(),n=this.getPropertyDescriptor(t,s,e);n!==void 0&&ga(this.prototype,t,n)}}static getPropertyDescriptor(t,e,s){let{get:n,set:r}=ma(this.prototype,t)??{get(){return this[e]},set(o){this[e]=o}};return{get:n,set(o){let c=n?.call(this);r?.call(this,o),this.requestUpdate(t,c,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??Fn}static _$Ei(){if(this.hasOwnProperty(Dt("elementProperties")))return;let t=$a(this);t.finalize(),t.l!==void 0&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(Dt("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Dt("properties"))){let e=this.properties,s=[...ba(e),...ya(e)];for(let n of s)this.createProperty(n,e[n])}let t=this[Symbol.metadata];if(t!==null){let e=litPropertyMetadata.get(t);if(e!==void 0)for(let[s,n]of e)this.elementProperties.set(s,n)}this._$Eh=new Map;for(let[e,s]of this.elementProperties){let n=this._$Eu(e,s);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){let e=[];if(Array.isArray(t)){let s=new Set(t.flat(1/0).reverse());for(let n of s)e.unshift(Ai(n))}else t!==void 0&&e.push(Ai(t));return e}static _$Eu(t,e){let s=e.attribute;return s===!1?void 0:typeof s=="string"?s:typeof t=="string"?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=new Set).add(t),this.renderRoot!==void 0&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){let t=new Map,e=this.constructor.elementProperties;for(let s of e.keys())this.hasOwnProperty(s)&&(t.set(s,this[s]),delete this[s]);t.size>0&&(this._$Ep=t)}createRenderRoot(){let t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return zn(t,this.constructor.elementStyles),t}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,e,s){this._$AK(t,s)}_$ET(t,e){let s=this.constructor.elementProperties.get(t),n=this.constructor._$Eu(t,s);if(n!==void 0&&s.reflect===!0){let r=(s.converter?.toAttribute!==void 0?s.converter:Ut).toAttribute(e,s.type);this._$Em=t,r==null?this.removeAttribute(n):this.setAttribute(n,r),this._$Em=null}}_$AK(t,e){let s=this.constructor,n=s._$Eh.get(t);if(n!==void 0&&this._$Em!==n){let r=s.getPropertyOptions(n),o=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:Ut;this._$Em=n;let c=o.fromAttribute(e,r.type);this[n]=c??this._$Ej?.get(n)??c,this._$Em=null}}requestUpdate(t,e,s,n=!1,r){if(t!==void 0){let o=this.constructor;if(n===!1&&(r=this[t]),s??=o.getPropertyOptions(t),!((s.hasChanged??ms)(r,e)||s.useDefault&&s.reflect&&r===this._$Ej?.get(t)&&!this.hasAttribute(o._$Eu(t,s))))return;this.C(t,e,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(t,e,{useDefault:s,reflect:n,wrapped:r},o){s&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,o??e??this[t]),r!==!0||o!==void 0)||(this._$AL.has(t)||(this.hasUpdated||s||(e=void 0),this._$AL.set(t,e)),n===!0&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let t=this.scheduleUpdate();return t!=null&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,r]of this._$Ep)this[n]=r;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[n,r]of s){let{wrapped:o}=r,c=this[n];o!==!0||this._$AL.has(n)||c===void 0||this.C(n,void 0,r,c)}}let t=!1,e=this._$AL;try{t=this.shouldUpdate(e),t?(this.willUpdate(e),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(e)):this._$EM()}catch(s){throw t=!1,this._$EM(),s}t&&this._$AE(e)}willUpdate(t){}_$AE(t){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(t){}firstUpdated(t){}};Ce.elementStyles=[],Ce.shadowRootOptions={mode:"open"},Ce[Dt("elementProperties")]=new Map,Ce[Dt("finalized")]=new Map,wa?.({ReactiveElement:Ce}),(gs.reactiveElementVersions??=[]).push("2.1.2");var Ti=globalThis,jn=i=>i,bs=Ti.trustedTypes,qn=bs?bs.createPolicy("lit-html",{createHTML:i=>i}):void 0,xi="$lit$",Oe=`lit$${Math.random().toFixed(9).slice(2)}$`,_i="?"+Oe,ka=`<${_i}>`,st=document,Ht=()=>st.createComment(""),Ft=i=>i===null||typeof i!="object"&&typeof i!="function",Si=Array.isArray,Kn=i=>Si(i)||typeof i?.[Symbol.iterator]=="function",Ei=`[ 	
\f\r]`,zt=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Bn=/-->/g,Wn=/>/g,et=RegExp(`>|${Ei}(?:([^\\s"'>=/]+)(${Ei}*=${Ei}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Gn=/'/g,Vn=/"/g,Zn=/^(?:script|style|textarea|title)$/i,Ri=i=>(t,...e)=>({_$litType$:i,strings:t,values:e}),m=Ri(1),Hc=Ri(2),Fc=Ri(3),$e=Symbol.for("lit-noChange"),v=Symbol.for("lit-nothing"),Yn=new WeakMap,tt=st.createTreeWalker(st,129);function Xn(i,t){if(!Si(i)||!i.hasOwnProperty("raw"))throw Error("invalid template strings array");return qn!==void 0?qn.createHTML(t):t}var Qn=(i,t)=>{let e=i.length-1,s=[],n,r=t===2?"<svg>":t===3?"<math>":"",o=zt;for(let c=0;c<e;c++){let l=i[c],h,p,f=-1,y=0;for(;y<l.length&&(o.lastIndex=y,p=o.exec(l),p!==null);)y=o.lastIndex,o===zt?p[1]==="!--"?o=Bn:p[1]!==void 0?o=Wn:p[2]!==void 0?(Zn.test(p[2])&&(n=RegExp("</"+p[2],"g")),o=et):p[3]!==void 0&&(o=et):o===et?p[0]===">"?(o=n??zt,f=-1):p[1]===void 0?f=-2:(f=o.lastIndex-p[2].length,h=p[1],o=p[3]===void 0?et:p[3]==='"'?Vn:Gn):o===Vn||o===Gn?o=et:o===Bn||o===Wn?o=zt:(o=et,n=void 0);let w=o===et&&i[c+1].startsWith("/>")?" ":"";r+=o===zt?l+ka:f>=0?(s.push(h),l.slice(0,f)+xi+l.slice(f)+Oe+w):l+Oe+(f===-2?c:w)}return[Xn(i,r+(i[e]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),s]},jt=class i{constructor({strings:t,_$litType$:e},s){let n;this.parts=[];let r=0,o=0,c=t.length-1,l=this.parts,[h,p]=Qn(t,e);if(this.el=i.createElement(h,s),tt.currentNode=this.el.content,e===2||e===3){let f=this.el.content.firstChild;f.replaceWith(...f.childNodes)}for(;(n=tt.nextNode())!==null&&l.length<c;){if(n.nodeType===1){if(n.hasAttributes())for(let f of n.getAttributeNames())if(f.endsWith(xi)){let y=p[o++],w=n.getAttribute(f).split(Oe),E=/([.?@])?(.*)/.exec(y);l.push({type:1,index:r,name:E[2],strings:w,ctor:E[1]==="."?$s:E[1]==="?"?vs:E[1]==="@"?ws:nt}),n.removeAttribute(f)}else f.startsWith(Oe)&&(l.push({type:6,index:r}),n.removeAttribute(f));if(Zn.test(n.tagName)){let f=n.textContent.split(Oe),y=f.length-1;if(y>0){n.textContent=bs?bs.emptyScript:"";for(let w=0;w<y;w++)n.append(f[w],Ht()),tt.nextNode(),l.push({type:2,index:++r});n.append(f[y],Ht())}}}else if(n.nodeType===8)if(n.data===_i)l.push({type:2,index:r});else{let f=-1;for(;(f=n.data.indexOf(Oe,f+1))!==-1;)l.push({type:7,index:r}),f+=Oe.length-1}r++}}static createElement(t,e){let s=st.createElement("template");return s.innerHTML=t,s}};function it(i,t,e=i,s){if(t===$e)return t;let n=s!==void 0?e._$Co?.[s]:e._$Cl,r=Ft(t)?void 0:t._$litDirective$;return n?.constructor!==r&&(n?._$AO?.(!1),r===void 0?n=void 0:(n=new r(i),n._$AT(i,e,s)),s!==void 0?(e._$Co??=[])[s]=n:e._$Cl=n),n!==void 0&&(t=it(i,n._$AS(i,t.values),n,s)),t}var ys=class{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){let{el:{content:e},parts:s}=this._$AD,n=(t?.creationScope??st).importNode(e,!0);tt.currentNode=n;let r=tt.nextNode(),o=0,c=0,l=s[0];for(;l!==void 0;){if(o===l.index){let h;l.type===2?h=new vt(r,r.nextSibling,this,t):l.type===1?h=new l.ctor(r,l.name,l.strings,this,t):l.type===6&&(h=new ks(r,this,t)),this._$AV.push(h),l=s[++c]}o!==l?.index&&(r=tt.nextNode(),o++)}return tt.currentNode=st,n}p(t){let e=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(t,s,e),e+=s.strings.length-2):s._$AI(t[e])),e++}},vt=class i{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,s,n){this.type=2,this._$AH=v,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=s,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode,e=this._$AM;return e!==void 0&&t?.nodeType===11&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=it(this,t,e),Ft(t)?t===v||t==null||t===""?(this._$AH!==v&&this._$AR(),this._$AH=v):t!==this._$AH&&t!==$e&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):Kn(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==v&&Ft(this._$AH)?this._$AA.nextSibling.data=t:this.T(st.createTextNode(t)),this._$AH=t}$(t){let{values:e,_$litType$:s}=t,n=typeof s=="number"?this._$AC(t):(s.el===void 0&&(s.el=jt.createElement(Xn(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===n)this._$AH.p(e);else{let r=new ys(n,this),o=r.u(this.options);r.p(e),this.T(o),this._$AH=r}}_$AC(t){let e=Yn.get(t.strings);return e===void 0&&Yn.set(t.strings,e=new jt(t)),e}k(t){Si(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,s,n=0;for(let r of t)n===e.length?e.push(s=new i(this.O(Ht()),this.O(Ht()),this,this.options)):s=e[n],s._$AI(r),n++;n<e.length&&(this._$AR(s&&s._$AB.nextSibling,n),e.length=n)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){let s=jn(t).nextSibling;jn(t).remove(),t=s}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}},nt=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,s,n,r){this.type=1,this._$AH=v,this._$AN=void 0,this.element=t,this.name=e,this._$AM=n,this.options=r,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=v}_$AI(t,e=this,s,n){let r=this.strings,o=!1;if(r===void 0)t=it(this,t,e,0),o=!Ft(t)||t!==this._$AH&&t!==$e,o&&(this._$AH=t);else{let c=t,l,h;for(t=r[0],l=0;l<r.length-1;l++)h=it(this,c[s+l],e,l),h===$e&&(h=this._$AH[l]),o||=!Ft(h)||h!==this._$AH[l],h===v?t=v:t!==v&&(t+=(h??"")+r[l+1]),this._$AH[l]=h}o&&!n&&this.j(t)}j(t){t===v?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}},$s=class extends nt{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===v?void 0:t}},vs=class extends nt{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==v)}},ws=class extends nt{constructor(t,e,s,n,r){super(t,e,s,n,r),this.type=5}_$AI(t,e=this){if((t=it(this,t,e,0)??v)===$e)return;let s=this._$AH,n=t===v&&s!==v||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive,r=t!==v&&(s===v||n);n&&this.element.removeEventListener(this.name,this,s),r&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}},ks=class{constructor(t,e,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){it(this,t)}},Jn={M:xi,P:Oe,A:_i,C:1,L:Qn,R:ys,D:Kn,V:it,I:vt,H:nt,N:vs,U:ws,B:$s,F:ks},Aa=Ti.litHtmlPolyfillSupport;Aa?.(jt,vt),(Ti.litHtmlVersions??=[]).push("3.3.3");var er=(i,t,e)=>{let s=e?.renderBefore??t,n=s._$litPart$;if(n===void 0){let r=e?.renderBefore??null;s._$litPart$=n=new vt(t.insertBefore(Ht(),r),r,void 0,e??{})}return n._$AI(i),n};var Ii=globalThis,j=class extends Ce{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=er(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return $e}};j._$litElement$=!0,j.finalized=!0,Ii.litElementHydrateSupport?.({LitElement:j});var Ea=Ii.litElementPolyfillSupport;Ea?.({LitElement:j});(Ii.litElementVersions??=[]).push("4.2.2");var le=i=>(t,e)=>{e!==void 0?e.addInitializer(()=>{customElements.define(i,t)}):customElements.define(i,t)};var Ta={attribute:!0,type:String,converter:Ut,reflect:!1,hasChanged:ms},xa=(i=Ta,t,e)=>{let{kind:s,metadata:n}=e,r=globalThis.litPropertyMetadata.get(n);if(r===void 0&&globalThis.litPropertyMetadata.set(n,r=new Map),s==="setter"&&((i=Object.create(i)).wrapped=!0),r.set(e.name,i),s==="accessor"){let{name:o}=e;return{set(c){let l=t.get.call(this);t.set.call(this,c),this.requestUpdate(o,l,i,!0,c)},init(c){return c!==void 0&&this.C(o,void 0,i,c),c}}}if(s==="setter"){let{name:o}=e;return function(c){let l=this[o];t.call(this,c),this.requestUpdate(o,l,i,!0,c)}}throw Error("Unsupported decorator location: "+s)};function _(i){return(t,e)=>typeof e=="object"?xa(i,t,e):((s,n,r)=>{let o=n.hasOwnProperty(r);return n.constructor.createProperty(r,s),o?Object.getOwnPropertyDescriptor(n,r):void 0})(i,t,e)}function k(i){return _({...i,state:!0,attribute:!1})}var Es={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},wt=i=>(...t)=>({_$litDirective$:i,values:t}),Fe=class{constructor(t){}get _$AU(){return this._$AM._$AU}_$AT(t,e,s){this._$Ct=t,this._$AM=e,this._$Ci=s}_$AS(t,e){return this.update(t,e)}update(t,e){return this.render(...e)}};var{I:_a}=Jn,tr=i=>i;var sr=()=>document.createComment(""),kt=(i,t,e)=>{let s=i._$AA.parentNode,n=t===void 0?i._$AB:t._$AA;if(e===void 0){let r=s.insertBefore(sr(),n),o=s.insertBefore(sr(),n);e=new _a(r,o,i,i.options)}else{let r=e._$AB.nextSibling,o=e._$AM,c=o!==i;if(c){let l;e._$AQ?.(i),e._$AM=i,e._$AP!==void 0&&(l=i._$AU)!==o._$AU&&e._$AP(l)}if(r!==n||c){let l=e._$AA;for(;l!==r;){let h=tr(l).nextSibling;tr(s).insertBefore(l,n),l=h}}}return e},je=(i,t,e=i)=>(i._$AI(t,e),i),Sa={},Ts=(i,t=Sa)=>i._$AH=t,ir=i=>i._$AH,xs=i=>{i._$AR(),i._$AA.remove()};var _s=wt(class extends Fe{constructor(){super(...arguments),this.key=v}render(i,t){return this.key=i,t}update(i,[t,e]){return t!==this.key&&(Ts(i),this.key=t),e}});var nr=(i,t,e)=>{let s=new Map;for(let n=t;n<=e;n++)s.set(i[n],n);return s},qt=wt(class extends Fe{constructor(i){if(super(i),i.type!==Es.CHILD)throw Error("repeat() can only be used in text expressions")}dt(i,t,e){let s;e===void 0?e=t:t!==void 0&&(s=t);let n=[],r=[],o=0;for(let c of i)n[o]=s?s(c,o):o,r[o]=e(c,o),o++;return{values:r,keys:n}}render(i,t,e){return this.dt(i,t,e).values}update(i,[t,e,s]){let n=ir(i),{values:r,keys:o}=this.dt(t,e,s);if(!Array.isArray(n))return this.ut=o,r;let c=this.ut??=[],l=[],h,p,f=0,y=n.length-1,w=0,E=r.length-1;for(;f<=y&&w<=E;)if(n[f]===null)f++;else if(n[y]===null)y--;else if(c[f]===o[w])l[w]=je(n[f],r[w]),f++,w++;else if(c[y]===o[E])l[E]=je(n[y],r[E]),y--,E--;else if(c[f]===o[E])l[E]=je(n[f],r[E]),kt(i,l[E+1],n[f]),f++,E--;else if(c[y]===o[w])l[w]=je(n[y],r[w]),kt(i,n[f],n[y]),y--,w++;else if(h===void 0&&(h=nr(o,w,E),p=nr(c,f,y)),h.has(c[f]))if(h.has(c[y])){let C=p.get(o[w]),x=C!==void 0?n[C]:null;if(x===null){let I=kt(i,n[f]);je(I,r[w]),l[w]=I}else l[w]=je(x,r[w]),kt(i,n[f],x),n[C]=null;w++}else xs(n[y]),y--;else xs(n[f]),f++;for(;w<=E;){let C=kt(i,l[E+1]);je(C,r[w]),l[w++]=C}for(;f<=y;){let C=n[f++];C!==null&&xs(C)}return this.ut=o,Ts(i,l),$e}});var rr=["CALL","VISIT","EMAIL","SMS","SHOWROOM_VISIT","MEETING","DEMO","FOLLOW_UP","OTHER"],or=["SALES","CREDIT_CONTROL","SERVICE"];var Ss="totalCount pageInfo { hasNextPage endCursor }",ar="id type purpose subject outcome mood occurredAt loggedByAgent { name }",At=`id assignee { agentId name } author { agentId name } dueAt instructions
  status outcome completedAt`,lr=`query WidgetActivityTab($id: ID!, $first: Int!) {
  me { subject agent { agentId name } permissions { capabilities } }
  outcomes: choices(list: OUTCOME) { value label }
  moods: choices(list: MOOD) { value label }
  customer(id: $id) {
    id
    interactions(first: $first) { ${Ss} edges { node { ${ar} } } }
    followUps(first: $first) { ${Ss} edges { node { ${At} } } }
  }
}`,cr=`query WidgetMoreInteractions($id: ID!, $first: Int!,
    $after: String!) {
  customer(id: $id) {
    id
    interactions(first: $first, after: $after) { ${Ss} edges { node { ${ar} } } }
  }
}`,ur=`query WidgetMoreFollowUps($id: ID!, $first: Int!, $after: String!) {
  customer(id: $id) {
    id
    followUps(first: $first, after: $after) { ${Ss} edges { node { ${At} } } }
  }
}`,Bt="errors { field code message }",pr=`mutation WidgetLogInteraction($input: LogInteractionInput!) {
  logInteraction(input: $input) { interaction { id subject } followUp { id } ${Bt} }
}`,hr=`mutation WidgetCompleteFollowUp($input: CompleteFollowUpInput!) {
  completeFollowUp(input: $input) { followUp { ${At} } ${Bt} }
}`,dr=`mutation WidgetRescheduleFollowUp(
    $input: RescheduleFollowUpInput!) {
  rescheduleFollowUp(input: $input) { followUp { ${At} } ${Bt} }
}`,fr=`mutation WidgetReassignFollowUp($input: ReassignFollowUpInput!) {
  reassignFollowUp(input: $input) { followUp { ${At} } ${Bt} }
}`,gr=`mutation WidgetCancelFollowUp($input: CancelFollowUpInput!) {
  cancelFollowUp(input: $input) { followUp { ${At} } ${Bt} }
}`;function Ci(i){return i?.permissions.capabilities.includes("WRITE_ACTIVITY")??!1}function mr(i,t,e){if(!i||e.status!=="OPEN"||!Ci(i))return!1;let s=i.permissions.capabilities,n=t.toUpperCase(),r=[e.assignee?.agentId,e.author?.agentId].includes(i.subject);return s.includes(`${n}_ANY_FOLLOW_UP`)||r&&s.includes(`${n}_OWN_FOLLOW_UP`)}function Rs(i){return new Date(i.getTime()-i.getTimezoneOffset()*6e4).toISOString().slice(0,16)}function Et(i){let t=new Date(i);return i&&!Number.isNaN(t.getTime())?t.toISOString():null}function Is(i,t){return t?i.find(e=>e.value===t)?.label??t:""}var G=class extends Error{},rt=class extends Error{},Oi=class extends Error{constructor(e,s){super(e);this.codes=s}},Ra=2e4,Wt=class{constructor(t,e){this.endpoint=t;this.token=e}async request(t,e={},s=[]){let n;try{n=await fetch(this.endpoint,{method:"POST",headers:{"Content-Type":"application/json",Accept:"application/graphql-response+json, application/json",Authorization:`Bearer ${this.token()}`},body:JSON.stringify({query:t,variables:e}),signal:AbortSignal.timeout(Ra)})}catch(h){throw new rt(`the gateway did not answer (${String(h)})`)}if(n.status===401)throw new G("the session has expired");if(n.status>=500)throw new rt(`the gateway answered ${n.status}`);let r;try{r=await n.json()}catch{throw new rt(`the gateway answered ${n.status} without JSON`)}let o=r.errors??[],c=o.map(h=>h.extensions?.code??"ERROR");if(c.includes("UNAUTHENTICATED"))throw new G("the session has expired");let l=r.data;if(l==null||s.some(h=>l[h]==null))throw new Oi(o.map(h=>h.message).join("; "),c);return{data:l,errors:o}}};var qe=class{constructor(t,e,s="Assignee"){this.host=t;this.find=e;this.field=s;this.query="";this.found=[];this.status="";this.asked=0;t.addController(this)}hostConnected(){}async search(t){this.query=t;let e=++this.asked,s=this.find();if(s){this.host.requestUpdate();try{let n=await s(t.trim());if(e!==this.asked)return;this.found=n,this.status=n.length?`${n.length} agent${n.length===1?"":"s"} found; choose one under ${this.field}.`:"No agent found."}catch{e===this.asked&&(this.status="Agents could not be looked up.")}this.host.requestUpdate()}}choices(t,e){let s=[...this.found,...e].find(r=>r.agentId===t),n=this.found.filter(r=>r.agentId!==t);return t?[s??{agentId:t,name:t},...n]:n}};var Cs=["GENERAL","SUPPORT","SALES","PERSONAL"],Os=["INTERACTION_LOG","ESCALATION","FOLLOW_UP","RESOLUTION","SUPERVISOR","TECHNICAL","SENTIMENT"],br=["LOW","NORMAL","HIGH","CRITICAL"];function ot(i){return i?i.edges.map(t=>t.node):[]}function Li(i,t,e){let s=i?.permissions.capabilities??[],n=t.toUpperCase();return s.includes(`${n}_ANY_NOTE`)||e.author?.agentId===i?.subject&&s.includes(`${n}_OWN_NOTE`)}function de(i){let t=i.toLowerCase().replaceAll("_"," ");return t.charAt(0).toUpperCase()+t.slice(1)}function Be(i){return[...new Set(i.split(",").map(t=>t.trim()).filter(Boolean))]}function Ls(i,t){return{subject:"",body:"",category:"GENERAL",type:"INTERACTION_LOG",scope:i,importance:"NORMAL",pinned:!1,tags:"",followUp:!1,assigneeId:t,dueAt:"",instructions:""}}function Pi(i){return{...Ls(i.scope,""),subject:i.subject,body:i.body,category:i.category,type:i.type,importance:i.importance,pinned:i.pinned,tags:i.tags.join(", ")}}function Ps(i){let t=[];return i.subject.length>300&&t.push({field:"subject",code:"TOO_LONG",message:`The subject is ${i.subject.length} characters; the limit is 300.`}),i.body.length>1e5&&t.push({field:"body",code:"TOO_LONG",message:`The body is ${i.body.length.toLocaleString("en")} characters; the limit is ${1e5.toLocaleString("en")}. Shorten it before saving (nothing was sent).`}),t}function Tt(i,t){return i.find(e=>e.field===t)}function te(i,t){return t?m`<p class="error" id="${i}-error" role="alert">${t.message}</p>`:v}function We(i,t,e,s,n,r){return m`
    <label for=${i}>${t}</label>
    <select
      id=${i}
      .value=${e}
      aria-invalid=${r?"true":"false"}
      aria-describedby=${r?`${i}-error`:v}
      @change=${o=>n(o.target.value)}
    >
      ${s.map(o=>m`<option value=${o} ?selected=${o===e}>${de(o)}</option>`)}
    </select>
    ${te(i,r)}
  `}var at=`id customerId author { agentId name } subject body category type scope importance
  pinned tags version createdAt updatedAt`,yr=`query WidgetMe {
  me { subject roles agent { agentId name } permissions { readableScopes writableScopes capabilities } }
}`;var $r=`query WidgetNotes($id: ID!, $filter: NoteFilter, $first: Int!) {
  customer(id: $id) {
    id name tags(first: 100) { edges { node } }
    notes(first: $first, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${at} } }
    }
  }
  controlledTags { tag }
}`,vr=`query WidgetMoreNotes($id: ID!, $filter: NoteFilter, $first: Int!,
    $after: String!) {
  customer(id: $id) {
    id
    notes(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${at} } }
    }
  }
}`,Ni=`query WidgetSearch($query: String, $filter: NoteFilter!, $first: Int!,
    $after: String) {
  searchNotes(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { highlights { subject body } node { ${at} } }
  }
}`,wr=`query WidgetNote($id: ID!) { note(id: $id) { ${at} } }`,kr=`query WidgetHistory($id: ID!) {
  note(id: $id) {
    id
    history(first: 100) {
      edges { node { version editor { agentId name } editedAt changes { field before after } } }
    }
  }
}`,xt=`query WidgetAgents($query: String) {
  agents(query: $query, first: 20) { edges { node { agentId name role } } }
}`,Ar=`mutation WidgetCreate($input: CreateNoteInput!) {
  createNote(input: $input) { note { ${at} } errors { field code message } }
}`,Er=`mutation WidgetUpdate($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { ${at} } errors { field code message } }
}`,Tr=`mutation WidgetDelete($input: DeleteNoteInput!) {
  deleteNote(input: $input) { note { id deleted deletedAt } errors { field code message } }
}`,xr=`mutation WidgetRestore($input: RestoreNoteInput!) {
  restoreNote(input: $input) { note { ${at} } errors { field code message } }
}`;var ce=ki`
  :host {
    display: block;
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    color: #1f2933;
  }
  *:focus-visible {
    outline: 3px solid #1a56db;
    outline-offset: 2px;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin: 0.5rem 0 0.15rem;
  }
  input[type="text"],
  input[type="search"],
  input[type="datetime-local"],
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.35rem 0.45rem;
    border: 1px solid #616e7c;
    border-radius: 4px;
    font: inherit;
    color: inherit;
    background: #fff;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  [aria-invalid="true"] {
    border-color: #b91c1c;
  }
  .row {
    display: flex;
    gap: 0.5rem;
  }
  .row > * {
    flex: 1;
  }
  .row > .fit {
    flex: 0;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 600;
    margin: 0.5rem 0;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border-radius: 4px;
    border: 1px solid #1a56db;
    background: #fff;
    color: #1a56db;
    cursor: pointer;
  }
  button.primary {
    background: #1a56db;
    color: #fff;
  }
  button.danger {
    border-color: #b91c1c;
    color: #b91c1c;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .error {
    color: #b91c1c;
    margin: 0.2rem 0 0;
    font-size: 0.9em;
  }
  .hint {
    color: #52606d;
    font-size: 0.9em;
    margin: 0.2rem 0 0;
  }
  .status {
    padding: 0.4rem 0.6rem;
    border-radius: 4px;
    background: #eff6ff;
    color: #1e3a8a;
    margin: 0.5rem 0;
  }
  .status.warn {
    background: #fef3c7;
    color: #78350f;
  }
  .spinner {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    vertical-align: -0.1em;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-top: 0.6rem;
    align-items: center;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .chips {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    padding: 0;
    margin: 0.3rem 0;
  }
  .chips li {
    background: #e4e7eb;
    border-radius: 999px;
    padding: 0 0.6rem;
  }
  .chips button {
    border: none;
    padding: 0 0.2rem;
    background: transparent;
    color: #1f2933;
  }
  ul.notes {
    list-style: none;
    padding: 0;
  }
  ul.notes > li {
    border: 1px solid #d9e2ec;
    border-radius: 6px;
    padding: 0.2rem 0.8rem 0.6rem;
    margin: 0.6rem 0;
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 0.5rem 0 0.2rem;
  }
  [role="tablist"] {
    display: flex;
    gap: 0.3rem;
    border-bottom: 1px solid #d9e2ec;
    margin-bottom: 0.6rem;
  }
  [role="tab"] {
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    color: #3e4c59;
  }
  [role="tab"][aria-selected="true"] {
    border-bottom-color: #1a56db;
    color: #102a43;
    font-weight: 600;
  }
  fieldset {
    border: 1px solid #d9e2ec;
    border-radius: 4px;
  }
  .markdown :is(p, ul, ol, pre, blockquote) {
    margin: 0.3rem 0;
  }
  .markdown pre {
    white-space: pre-wrap;
  }
  .matches em {
    font-style: normal;
    font-weight: 600;
    background: #fef08a;
  }
`;var Ns={complete:{button:"Complete",form:"Complete the follow-up",first:"outcome",query:hr,root:"completeFollowUp",done:"completed"},reschedule:{button:"Reschedule",form:"Reschedule the follow-up",first:"due",query:dr,root:"rescheduleFollowUp",done:"rescheduled"},reassign:{button:"Reassign",form:"Reassign the follow-up",first:"find",query:fr,root:"reassignFollowUp",done:"reassigned"},cancel:{button:"Cancel follow-up",form:"Cancel the follow-up",first:"reason",query:gr,root:"cancelFollowUp",done:"cancelled"}},Ia=["complete","reschedule","reassign","cancel"],Ca={due:"dueAt",assignee:"assigneeId"},Oa=0,J=class extends j{constructor(){super(...arguments);this.outcomes=[];this.allowed=[];this.mode=null;this.outcome="";this.comment="";this.dueAt="";this.reason="";this.assigneeId="";this.errors=[];this.busy=!1;this.uid=`a${++Oa}`;this.last="complete";this.agents=new qe(this,()=>this.findAgents,"New assignee");this.findAgents=async e=>{let{data:s}=await this.client.request(xt,{query:e||null});return s.agents?.edges.map(n=>n.node)??[]}}async show(e){let s=this.mode;this.mode=e,this.errors=[],this.reason="",e==="reschedule"&&(this.dueAt=Rs(new Date(this.followUp.dueAt))),e==="reassign"&&(this.assigneeId="",this.agents.found.length||this.agents.search(this.agents.query)),await this.updateComplete;let n=e?`#${this.uid}-${Ns[e].first}`:`#${this.uid}-${s??"complete"}`;this.renderRoot.querySelector(n)?.focus()}input(e){let s=this.followUp.id;switch(e){case"complete":return this.outcome?{id:s,outcome:this.outcome,comment:this.comment||null}:[{field:"outcome",code:"REQUIRED",message:"Choose an outcome."}];case"reschedule":{let n=Et(this.dueAt);return n?{id:s,dueAt:n,reason:this.reason||null}:[{field:"dueAt",code:"REQUIRED",message:"Choose a due date."}]}case"reassign":return this.assigneeId?{id:s,assigneeId:this.assigneeId}:[{field:"assigneeId",code:"REQUIRED",message:"Choose the new assignee."}];case"cancel":return{id:s,reason:this.reason||null}}}async send(){let e=this.mode;if(this.busy||!e)return;let s=this.input(e);if(Array.isArray(s))return this.fail(s);let{query:n,root:r,done:o}=Ns[e];this.busy=!0;try{let{data:c}=await this.client.request(n,{input:s},[r]),l=c[r];if(l.errors.length||!l.followUp)return this.fail(l.errors);this.mode=null,this.errors=[],this.last=e,this.dispatchEvent(new CustomEvent("follow-up-changed",{detail:{id:this.followUp.id,action:o,followUp:l.followUp},bubbles:!0,composed:!0}))}catch(c){let l=c instanceof G?"Your session has expired; sign in again and try once more.":`Not saved: ${c instanceof Error?c.message:c}`;this.fail([{field:null,code:"FAILED",message:l}])}finally{this.busy=!1}}focusAction(){let e=[...this.renderRoot.querySelectorAll(".actions > button")],s=e.find(n=>n.id===`${this.uid}-${this.last}`)??e[0];return s?.focus(),s!==void 0}async fail(e){this.errors=e,await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){let e=Ia.filter(s=>this.allowed.includes(s));return e.length?m`
      <div class="actions">
        ${e.map(s=>m`<button
            type="button"
            id="${this.uid}-${s}"
            class=${s==="cancel"?"danger":""}
            aria-expanded=${this.mode===s?"true":"false"}
            @click=${()=>this.show(this.mode===s?null:s)}
          >${Ns[s].button}</button>`)}
      </div>
      ${this.mode?this.form(this.mode):v}
    `:v}field(e,s,n){let r=`${this.uid}-${e}`,o=Tt(this.errors,Ca[e]??e);return m`<label for=${r}>${s}</label>${n(r,o)}${te(r,o)}`}fields(e){let s=(c,l)=>l?`${c}-error`:v,n=c=>c?"true":"false",r=(c,l)=>(h,p)=>m`<input
        id=${h}
        type="text"
        .value=${c}
        aria-invalid=${n(p)}
        aria-describedby=${s(h,p)}
        @input=${f=>l(f.target.value)}
      />`,o=this.field("reason","Reason",r(this.reason,c=>this.reason=c));switch(e){case"complete":return m`
          ${this.field("outcome","Outcome",(c,l)=>m`<select
            id=${c}
            aria-invalid=${n(l)}
            aria-describedby=${s(c,l)}
            @change=${h=>this.outcome=h.target.value}
          >
            <option value="" ?selected=${!this.outcome}>(choose)</option>
            ${this.outcomes.map(h=>m`<option value=${h.value} ?selected=${h.value===this.outcome}>
                ${h.label}
              </option>`)}
          </select>`)}
          ${this.field("comment","Comment",r(this.comment,c=>this.comment=c))}
        `;case"reschedule":return m`
          ${this.field("due","New due date",(c,l)=>m`<input
            id=${c}
            type="datetime-local"
            .value=${this.dueAt}
            aria-invalid=${n(l)}
            aria-describedby=${s(c,l)}
            @input=${h=>this.dueAt=h.target.value}
          />`)}
          ${o}
        `;case"reassign":return this.picker(s,n);case"cancel":return m`<p>Cancel this follow-up? It stays listed, as cancelled, and cannot be reopened.</p>
          ${o}`}}picker(e,s){let n=`${this.uid}-find`,r=this.followUp.assignee?.agentId,o=this.agents.choices(this.assigneeId,[]).filter(c=>c.agentId!==r);return m`
      <label for=${n}>Find agent</label>
      <input
        id=${n}
        type="search"
        autocomplete="off"
        aria-describedby="${n}-status"
        .value=${this.agents.query}
        @input=${c=>this.agents.search(c.target.value)}
      />
      <span id="${n}-status" class="hint" role="status">${this.agents.status}</span>
      ${this.field("assignee","New assignee",(c,l)=>m`<select
        id=${c}
        aria-invalid=${s(l)}
        aria-describedby=${e(c,l)}
        @change=${h=>this.assigneeId=h.target.value}
      >
        <option value="" ?selected=${!this.assigneeId}>(choose)</option>
        ${o.map(h=>m`<option value=${h.agentId} ?selected=${h.agentId===this.assigneeId}>
            ${h.name}
          </option>`)}
      </select>`)}
    `}form(e){let s=["outcome","comment","dueAt","reason","assigneeId"],n=this.errors.filter(o=>!s.includes(o.field??"")),r={complete:"Save completion",reschedule:"Save new due date",reassign:"Save new assignee",cancel:"Yes, cancel it"}[e];return m`
      <form
        aria-label=${Ns[e].form}
        aria-busy=${this.busy?"true":"false"}
        @submit=${o=>{o.preventDefault(),this.send()}}
        @keydown=${o=>{o.key==="Escape"&&this.show(null)}}
      >
        ${this.fields(e)}
        ${n.map(o=>m`<p class="error" role="alert">${o.message}</p>`)}
        <div class="actions">
          <button class=${e==="cancel"?"danger":"primary"} type="submit" ?disabled=${this.busy}>
            ${r}
          </button>
          <button type="button" @click=${()=>this.show(null)}>
            ${e==="cancel"?"Keep it":"Close"}
          </button>
        </div>
      </form>
    `}};J.styles=ce,g([_({attribute:!1})],J.prototype,"client",2),g([_({attribute:!1})],J.prototype,"followUp",2),g([_({attribute:!1})],J.prototype,"outcomes",2),g([_({attribute:!1})],J.prototype,"allowed",2),g([k()],J.prototype,"mode",2),g([k()],J.prototype,"outcome",2),g([k()],J.prototype,"comment",2),g([k()],J.prototype,"dueAt",2),g([k()],J.prototype,"reason",2),g([k()],J.prototype,"assigneeId",2),g([k()],J.prototype,"errors",2),g([k()],J.prototype,"busy",2),J=g([le("c360-follow-up-actions")],J);var La=["type","purpose","subject","detail","outcome","mood","occurredAt"],Pa=0,re=class extends j{constructor(){super(...arguments);this.customerId="";this.outcomes=[];this.moods=[];this.me=null;this.open=!1;this.draft=this.blank();this.errors=[];this.busy=!1;this.status="";this.agents=new qe(this,()=>this.findAgents);this.uid=`i${++Pa}`;this.findAgents=async e=>{let{data:s}=await this.client.request(xt,{query:e||null});return s.agents?.edges.map(n=>n.node)??[]}}blank(){return{type:"CALL",purpose:"SERVICE",subject:"",detail:"",outcome:"",mood:"",occurredAt:Rs(new Date),followUp:!1,assigneeId:this.me?.agentId??"",dueAt:"",instructions:""}}set(e,s){this.draft={...this.draft,[e]:s}}async toggle(){this.open=!this.open,this.open&&(this.draft.assigneeId||this.set("assigneeId",this.me?.agentId??""),await this.updateComplete,this.renderRoot.querySelector(`#${this.uid}-type`)?.focus())}input(){let e=this.draft;return{customerId:this.customerId,type:e.type,purpose:e.purpose,subject:e.subject,detail:e.detail||null,outcome:e.outcome||null,mood:e.mood||null,occurredAt:Et(e.occurredAt),followUp:e.followUp?{assigneeId:e.assigneeId,dueAt:Et(e.dueAt),instructions:e.instructions||null}:null}}async submit(){if(this.busy)return;let e=[];if(this.draft.followUp&&!Et(this.draft.dueAt)&&e.push({field:"followUp.dueAt",code:"REQUIRED",message:"Choose a due date."}),e.length)return this.fail(e);this.busy=!0,this.status="";try{let{data:s}=await this.client.request(pr,{input:this.input()},["logInteraction"]),n=s.logInteraction;if(n.errors.length||!n.interaction)return this.fail(n.errors);this.errors=[],this.status=`Logged “${n.interaction.subject}”.`,this.draft=this.blank(),this.dispatchEvent(new CustomEvent("interaction-logged",{detail:{id:n.interaction.id},bubbles:!0,composed:!0}))}catch(s){let n=s instanceof G?"Your session has expired; sign in again and save once more (your entry is kept).":`The interaction was not saved: ${s instanceof Error?s.message:s}`;this.fail([{field:null,code:"FAILED",message:n}])}finally{this.busy=!1}}async fail(e){this.errors=e,this.status="The interaction was not saved: see the highlighted fields.",await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){return m`
      <div class="actions">
        <button
          type="button"
          aria-expanded=${this.open?"true":"false"}
          aria-controls="${this.uid}-form"
          @click=${()=>this.toggle()}
        >
          ${this.open?"Close the interaction form":"Log an interaction"}
        </button>
      </div>
      <div role="status" class=${this.status?"status":""}>${this.status}</div>
      ${this.open?this.form():v}
    `}form(){let e=this.draft,s=l=>`${this.uid}-${l}`,n=l=>Tt(this.errors,l),r=this.errors.filter(l=>!La.includes(l.field??"")&&!(l.field??"").startsWith("followUp.")),o=(l,h,p)=>m`
      <label for=${s(l)}>${h}</label>
      <select
        id=${s(l)}
        aria-invalid=${n(l)?"true":"false"}
        aria-describedby=${n(l)?`${s(l)}-error`:v}
        @change=${f=>this.set(l,f.target.value)}
      >
        <option value="" ?selected=${!e[l]}>(none)</option>
        ${p.map(f=>m`<option value=${f.value} ?selected=${f.value===e[l]}>${f.label}</option>`)}
      </select>
      ${te(s(l),n(l))}
    `,c=(l,h,p)=>m`
      <label for=${s(l)}>${h}</label>
      <input
        id=${s(l)}
        type=${p}
        .value=${e[l]}
        aria-invalid=${n(l)?"true":"false"}
        aria-describedby=${n(l)?`${s(l)}-error`:v}
        @input=${f=>this.set(l,f.target.value)}
      />
      ${te(s(l),n(l))}
    `;return m`
      <form
        id="${this.uid}-form"
        aria-label="Log an interaction"
        aria-busy=${this.busy?"true":"false"}
        @keydown=${l=>{l.key==="Enter"&&(l.ctrlKey||l.metaKey)&&(l.preventDefault(),this.submit())}}
        @submit=${l=>{l.preventDefault(),this.submit()}}
      >
        <div class="row">
          <div>
            ${We(s("type"),"Type",e.type,rr,l=>this.set("type",l),n("type"))}
          </div>
          <div>
            ${We(s("purpose"),"Purpose",e.purpose,or,l=>this.set("purpose",l),n("purpose"))}
          </div>
        </div>
        ${c("subject","Subject","text")}
        <label for=${s("detail")}>Detail (markdown)</label>
        <textarea
          id=${s("detail")}
          .value=${e.detail}
          aria-invalid=${n("detail")?"true":"false"}
          aria-describedby=${n("detail")?`${s("detail")}-error`:v}
          @input=${l=>this.set("detail",l.target.value)}
        ></textarea>
        ${te(s("detail"),n("detail"))}
        <div class="row">
          <div>${o("outcome","Outcome",this.outcomes)}</div>
          <div>${o("mood","Mood",this.moods)}</div>
        </div>
        ${c("occurredAt","Occurred at","datetime-local")}
        ${this.followUp(s,n)}
        ${r.map(l=>m`<p class="error" role="alert">${l.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>Save interaction</button>
          ${this.busy?m`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`:v}
        </div>
      </form>
    `}followUp(e,s){let n=this.draft,r=this.me?[this.me]:[];return m`
      <label class="check">
        <input
          type="checkbox"
          .checked=${n.followUp}
          @change=${o=>{let c=o.target.checked;this.set("followUp",c),c&&!this.agents.found.length&&this.agents.search(this.agents.query)}}
        />
        Add a follow-up
      </label>
      ${n.followUp?m`<fieldset>
            <legend>Follow-up</legend>
            <label for=${e("assignee-find")}>Find assignee</label>
            <input
              id=${e("assignee-find")}
              type="search"
              autocomplete="off"
              aria-describedby=${e("assignee-found")}
              .value=${this.agents.query}
              @input=${o=>this.agents.search(o.target.value)}
            />
            <span id=${e("assignee-found")} class="hint" role="status">${this.agents.status}</span>
            <label for=${e("assignee")}>Assignee</label>
            <select
              id=${e("assignee")}
              aria-invalid=${s("followUp.assigneeId")?"true":"false"}
              aria-describedby=${s("followUp.assigneeId")?`${e("assignee")}-error`:v}
              @change=${o=>this.set("assigneeId",o.target.value)}
            >
              ${this.agents.choices(n.assigneeId,r).map(o=>m`<option value=${o.agentId} ?selected=${o.agentId===n.assigneeId}>
                  ${o.name}${o.agentId===this.me?.agentId?" (me)":""}
                </option>`)}
            </select>
            ${te(e("assignee"),s("followUp.assigneeId"))}
            <label for=${e("due")}>Due</label>
            <input
              id=${e("due")}
              type="datetime-local"
              .value=${n.dueAt}
              aria-invalid=${s("followUp.dueAt")?"true":"false"}
              aria-describedby=${s("followUp.dueAt")?`${e("due")}-error`:v}
              @input=${o=>this.set("dueAt",o.target.value)}
            />
            ${te(e("due"),s("followUp.dueAt"))}
            <label for=${e("instructions")}>Instructions</label>
            <input
              id=${e("instructions")}
              type="text"
              .value=${n.instructions}
              aria-invalid=${s("followUp.instructions")?"true":"false"}
              aria-describedby=${s("followUp.instructions")?`${e("instructions")}-error`:v}
              @input=${o=>this.set("instructions",o.target.value)}
            />
            ${te(e("instructions"),s("followUp.instructions"))}
          </fieldset>`:v}
    `}};re.styles=ce,g([_({attribute:!1})],re.prototype,"client",2),g([_()],re.prototype,"customerId",2),g([_({attribute:!1})],re.prototype,"outcomes",2),g([_({attribute:!1})],re.prototype,"moods",2),g([_({attribute:!1})],re.prototype,"me",2),g([k()],re.prototype,"open",2),g([k()],re.prototype,"draft",2),g([k()],re.prototype,"errors",2),g([k()],re.prototype,"busy",2),g([k()],re.prototype,"status",2),re=g([le("c360-interaction-form")],re);var Ms=class{constructor(){this.items=[];this.total=0;this.next=null;this.loading=!1}show(t,e){let s=ot(t),n=new Set(this.items.map(r=>r.id));this.items=e?[...this.items,...s.filter(r=>!n.has(r.id))]:s,this.total=t?.totalCount??this.items.length,this.next=t?.pageInfo?.hasNextPage?t.pageInfo.endCursor??null:null}replace(t){let e=this.items.findIndex(s=>s.id===t.id);return e<0?!1:(this.items=this.items.map((s,n)=>n===e?t:s),!0)}more(t,e,s){if(!this.next)return v;let n=Math.max(this.total-this.items.length,0);return m`<div class="actions">
      <button type="button" id=${t} ?disabled=${this.loading} aria-describedby="${t}-shown"
        @click=${s}>${this.loading?`Loading more ${e}…`:`Load more ${e} (${n} more)`}</button>
      <span id="${t}-shown" class="hint">${this.items.length} of ${this.total} ${e} shown</span>
    </div>`}};var Na=["complete","reschedule","reassign","cancel"],Gt={interactions:{query:cr,button:"more-interactions",what:"interactions"},followUps:{query:ur,button:"more-follow-ups",what:"follow-ups"}},Sr=i=>new Date(i).toISOString().slice(0,16).replace("T"," "),oe=class extends j{constructor(){super(...arguments);this.customerId="";this.me=null;this.outcomes=[];this.moods=[];this.interactions=null;this.followUps=null;this.loading=!0;this.failure="";this.status=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{let{data:e}=await this.client.request(lr,{id:this.customerId,first:50}),s=e.customer;this.me=e.me,this.outcomes=e.outcomes??[],this.moods=e.moods??[],this.interactions=this.firstPage(s?.interactions),this.followUps=this.firstPage(s?.followUps),this.failure=""}catch(e){this.failure=`Activity could not be loaded: ${e instanceof Error?e.message:e}`}finally{this.loading=!1}}firstPage(e){if(!e)return null;let s=new Ms;return s.show(e,!1),s}async loadMore(e){let s=this[e],n=s?.next;if(!s||!n||s.loading)return;s.loading=!0,this.requestUpdate();try{let{data:o}=await this.client.request(Gt[e].query,{id:this.customerId,first:50,after:n});s.show(o.customer?.[e],!0),this.failure=""}catch(o){o instanceof G&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`More ${Gt[e].what} could not be loaded: ${o instanceof Error?o.message:o}`}finally{s.loading=!1,this.requestUpdate()}await this.updateComplete,(this.renderRoot.querySelector(`#${Gt[e].button}`)??this.renderRoot.querySelector(`#${e}-list`))?.focus()}async changed(e){let s=e.target;this.status=`Follow-up ${e.detail.action}.`;let n=e.detail.followUp;if(!n||!this.followUps?.replace(n))return this.load();this.requestUpdate(),await this.updateComplete,await s.updateComplete,s.focusAction()||this.renderRoot.querySelector("#followUps-list")?.focus()}render(){if(this.loading)return m`<p role="status"><span class="spinner" aria-hidden="true"></span> Loading…</p>`;let e=this.interactions!==null&&Ci(this.me);return m`
      ${this.failure?m`<p class="error" role="alert">${this.failure}</p>`:v}
      <section aria-labelledby="interactions-heading">
        <h3 id="interactions-heading">Interactions</h3>
        ${e?m`<c360-interaction-form
              .client=${this.client}
              .customerId=${this.customerId}
              .outcomes=${this.outcomes}
              .moods=${this.moods}
              .me=${this.me?.agent??(this.me?{agentId:this.me.subject,name:this.me.subject}:null)}
              @interaction-logged=${()=>{this.load()}}
            ></c360-interaction-form>`:v}
        ${this.interactions===null?m`<p class="hint">Not available to your role.</p>`:this.interactions.items.length?m`<ul id="interactions-list" tabindex="-1" aria-label="Interactions list">
                  ${qt(this.interactions.items,s=>s.id,s=>m`<li>
                <strong>${de(s.type)}</strong> (${de(s.purpose)}) — ${s.subject}
                <span class="hint">${Sr(s.occurredAt)} · ${s.loggedByAgent?.name??"—"}${s.outcome?` · ${Is(this.outcomes,s.outcome)}`:""}${s.mood?` · ${Is(this.moods,s.mood)}`:""}</span>
              </li>`)}</ul>
                ${this.interactions.more(Gt.interactions.button,"interactions",()=>{this.loadMore("interactions")})}`:m`<p class="hint">No interactions yet.</p>`}
      </section>
      <section aria-labelledby="followups-heading">
        <h3 id="followups-heading">Follow-ups</h3>
        <div role="status" class=${this.status?"status":""}>${this.status}</div>
        ${this.followUps===null?m`<p class="hint">Not available to your role.</p>`:this.followUps.items.length?m`<ul id="followUps-list" tabindex="-1" aria-label="Follow-ups list">
                  ${qt(this.followUps.items,s=>s.id,s=>this.followUp(s))}</ul>
                ${this.followUps.more(Gt.followUps.button,"follow-ups",()=>{this.loadMore("followUps")})}`:m`<p class="hint">No follow-ups.</p>`}
      </section>
    `}followUp(e){let s=e.author&&e.author.agentId!==e.assignee?.agentId?` · by ${e.author.name}`:"";return m`<li>
      Due ${Sr(e.dueAt)} · ${e.assignee?.name??"—"}${s}${e.status!=="OPEN"?` · ${de(e.status)}`:""}${e.outcome?` · ${Is(this.outcomes,e.outcome)}`:""}
      ${e.instructions?m`<div>${e.instructions}</div>`:v}
      <c360-follow-up-actions
        .client=${this.client}
        .followUp=${e}
        .outcomes=${this.outcomes}
        .allowed=${Na.filter(n=>mr(this.me,n,e))}
        @follow-up-changed=${n=>{this.changed(n)}}
      ></c360-follow-up-actions>
    </li>`}};oe.styles=ce,g([_({attribute:!1})],oe.prototype,"client",2),g([_()],oe.prototype,"customerId",2),g([k()],oe.prototype,"me",2),g([k()],oe.prototype,"outcomes",2),g([k()],oe.prototype,"moods",2),g([k()],oe.prototype,"interactions",2),g([k()],oe.prototype,"followUps",2),g([k()],oe.prototype,"loading",2),g([k()],oe.prototype,"failure",2),g([k()],oe.prototype,"status",2),oe=g([le("c360-activity")],oe);var Ma=/^[A-Z][A-Za-z0-9]*:./;function Da(i){try{let t=Uint8Array.from(atob(i),e=>e.charCodeAt(0));return new TextDecoder("utf-8",{fatal:!0}).decode(t)}catch{return null}}function Ds(i){let t=Da(i);if(t!==null&&Ma.test(t))return i;let e=new TextEncoder().encode(`Customer360:${i}`);return btoa(String.fromCharCode(...e))}var Vt=class extends Fe{constructor(t){if(super(t),this.it=v,t.type!==Es.CHILD)throw Error(this.constructor.directiveName+"() can only be used in child bindings")}render(t){if(t===v||t==null)return this._t=void 0,this.it=t;if(t===$e)return t;if(typeof t!="string")throw Error(this.constructor.directiveName+"() called with a non-string value");if(t===this.it)return this._t;this.it=t;let e=[t];return e.raw=e,this._t={_$litType$:this.constructor.resultType,strings:e,values:[]}}};Vt.directiveName="unsafeHTML",Vt.resultType=1;var _t=wt(Vt);function Ua(i,t){this.v=i,this.k=t}function Rr(i,t){(t==null||t>i.length)&&(t=i.length);for(var e=0,s=Array(t);e<t;e++)s[e]=i[e];return s}function za(i){if(Array.isArray(i))return i}function Ha(i,t){var e=i==null?null:typeof Symbol<"u"&&i[Symbol.iterator]||i["@@iterator"];if(e!=null){var s,n,r,o,c=[],l=!0,h=!1;try{if(r=(e=e.call(i)).next,t===0){if(Object(e)!==e)return;l=!1}else for(;!(l=(s=r.call(e)).done)&&(c.push(s.value),c.length!==t);l=!0);}catch(p){h=!0,n=p}finally{try{if(!l&&e.return!=null&&(o=e.return(),Object(o)!==o))return}finally{if(h)throw n}}return c}}function Fa(){throw new TypeError(`Invalid attempt to destructure non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}function ja(i,t){return za(i)||Ha(i,t)||qa(i,t)||Fa()}function qa(i,t){if(i){if(typeof i=="string")return Rr(i,t);var e={}.toString.call(i).slice(8,-1);return e==="Object"&&i.constructor&&(e=i.constructor.name),e==="Map"||e==="Set"?Array.from(i):e==="Arguments"||/^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(e)?Rr(i,t):void 0}}function Us(i){var t,e;function s(r,o){try{var c=i[r](o),l=c.value,h=l instanceof Ua;Promise.resolve(h?l.v:l).then(function(p){if(h){var f=r==="return"&&l.k?r:"next";if(!l.k||p.done)return s(f,p);p=i[f](p).value}n(!!c.done,p)},function(p){s("throw",p)})}catch(p){n(2,p)}}function n(r,o){r===2?t.reject(o):t.resolve({value:o,done:r}),(t=t.next)?s(t.key,t.arg):e=null}this._invoke=function(r,o){return new Promise(function(c,l){var h={key:r,arg:o,resolve:c,reject:l,next:null};e?e=e.next=h:(t=e=h,s(r,o))})},typeof i.return!="function"&&(this.return=void 0)}Us.prototype[typeof Symbol=="function"&&Symbol.asyncIterator||"@@asyncIterator"]=function(){return this},Us.prototype.next=function(i){return this._invoke("next",i)},Us.prototype.throw=function(i){return this._invoke("throw",i)},Us.prototype.return=function(i){return this._invoke("return",i)};var jr=Object.entries,Ba=Object.keys,Ir=Object.setPrototypeOf,Wa=Object.isFrozen,qr=Object.getPrototypeOf,Br=Object.getOwnPropertyDescriptor,K=Object.freeze,q=Object.seal,Ve=Object.create,Wr=typeof Reflect<"u"&&Reflect,Fs=Wr.apply,Gi=Wr.construct;K||(K=function(t){return t});q||(q=function(t){return t});Fs||(Fs=function(t,e){for(var s=arguments.length,n=new Array(s>2?s-2:0),r=2;r<s;r++)n[r-2]=arguments[r];return t.apply(e,n)});Gi||(Gi=function(t){for(var e=arguments.length,s=new Array(e>1?e-1:0),n=1;n<e;n++)s[n-1]=arguments[n];return new t(...s)});var Le=M(Array.prototype.forEach),Ga=M(Array.prototype.lastIndexOf),Cr=M(Array.prototype.pop),Yt=M(Array.prototype.push),Va=M(Array.prototype.slice),Ya=M(Array.prototype.splice),St=Array.isArray,Mi=Gr(Set),Di=M(Set.prototype.add),Kt=M(Set.prototype.has),lt=M(String.prototype.toLowerCase),Ui=M(String.prototype.toString),Ka=M(String.prototype.match),zs=M(String.prototype.replace),zi=M(String.prototype.indexOf),Za=M(String.prototype.trim),Xa=M(Number.prototype.toString),Qa=M(Boolean.prototype.toString),Or=typeof BigInt>"u"?null:M(BigInt.prototype.toString),Lr=typeof Symbol>"u"?null:M(Symbol.prototype.toString),se=M(Object.prototype.hasOwnProperty),Zt=M(Object.prototype.toString),Ja=RegExp.prototype.test,Y=function(t,e){return t instanceof RegExp&&(t.lastIndex=0),Fs(Ja,t,[e])},Pe=Gr(TypeError);function M(i){return function(t){for(var e=arguments.length,s=new Array(e>1?e-1:0),n=1;n<e;n++)s[n-1]=arguments[n];return Fs(i,t,s)}}function Gr(i){return function(){for(var t=arguments.length,e=new Array(t),s=0;s<t;s++)e[s]=arguments[s];return Gi(i,e)}}function O(i,t){let e=arguments.length>2&&arguments[2]!==void 0?arguments[2]:lt;if(Ir&&Ir(i,null),!St(t))return i;let s=t.length;for(;s--;){let n=t[s];if(typeof n=="string"){let r=e(n);r!==n&&(Wa(t)||(t[s]=r),n=r)}i[n]=!0}return i}function el(i){for(let t=0;t<i.length;t++)se(i,t)||(i[t]=null);return i}function js(i){let t=Ve(null);for(let s of jr(i)){var e=ja(s,2);let n=e[0],r=e[1];se(i,n)&&(St(r)?t[n]=el(r):r&&typeof r=="object"&&r.constructor===Object?t[n]=js(r):t[n]=r)}return t}function Xt(i){let t=Ve(null),e=Ba(i),s=e.length;for(;s--;)t[e[s]]=i[e[s]];return t}function tl(i){switch(typeof i){case"string":return i;case"number":return Xa(i);case"boolean":return Qa(i);case"bigint":return Or?Or(i):"0";case"symbol":return Lr?Lr(i):"Symbol()";case"undefined":return Zt(i);case"function":case"object":{if(i===null)return Zt(i);let t=i,e=ge(t,"toString");if(typeof e=="function"){let s=e(t);return typeof s=="string"?s:Zt(s)}return Zt(i)}default:return Zt(i)}}function ge(i,t){for(;i!==null;){let s=Br(i,t);if(s){if(s.get)return M(s.get);if(typeof s.value=="function")return M(s.value)}i=qr(i)}function e(){return null}return e}function sl(i,t){for(;i!==null;){let e=Br(i,t);if(e)return e.get?M(e.get):null;i=qr(i)}return null}function il(i){if(!i)return!1;try{return Y(i,""),!0}catch{return!1}}var Pr=K(["a","abbr","acronym","address","area","article","aside","audio","b","bdi","bdo","big","blink","blockquote","body","br","button","canvas","caption","center","cite","code","col","colgroup","content","data","datalist","dd","decorator","del","details","dfn","dialog","dir","div","dl","dt","element","em","fieldset","figcaption","figure","font","footer","form","h1","h2","h3","h4","h5","h6","head","header","hgroup","hr","html","i","img","input","ins","kbd","label","legend","li","main","map","mark","marquee","menu","menuitem","meter","nav","nobr","ol","optgroup","option","output","p","picture","pre","progress","q","rp","rt","ruby","s","samp","search","section","select","shadow","slot","small","source","spacer","span","strike","strong","style","sub","summary","sup","table","tbody","td","template","textarea","tfoot","th","thead","time","tr","track","tt","u","ul","var","video","wbr"]),Hi=K(["svg","a","altglyph","altglyphdef","altglyphitem","animatecolor","animatemotion","animatetransform","circle","clippath","defs","desc","ellipse","filter","font","g","glyph","glyphref","hkern","image","line","lineargradient","marker","mask","metadata","mpath","path","pattern","polygon","polyline","radialgradient","rect","stop","style","switch","symbol","text","textpath","title","tref","tspan","view","vkern"]),Fi=K(["feBlend","feColorMatrix","feComponentTransfer","feComposite","feConvolveMatrix","feDiffuseLighting","feDisplacementMap","feDistantLight","feDropShadow","feFlood","feFuncA","feFuncB","feFuncG","feFuncR","feGaussianBlur","feImage","feMerge","feMergeNode","feMorphology","feOffset","fePointLight","feSpecularLighting","feSpotLight","feTile","feTurbulence"]),nl=K(["animate","color-profile","cursor","discard","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","foreignobject","hatch","hatchpath","mesh","meshgradient","meshpatch","meshrow","missing-glyph","script","set","solidcolor","unknown","use"]),ji=K(["math","menclose","merror","mfenced","mfrac","mglyph","mi","mlabeledtr","mmultiscripts","mn","mo","mover","mpadded","mphantom","mroot","mrow","ms","mspace","msqrt","mstyle","msub","msup","msubsup","mtable","mtd","mtext","mtr","munder","munderover","mprescripts"]),rl=K(["maction","maligngroup","malignmark","mlongdiv","mscarries","mscarry","msgroup","mstack","msline","msrow","semantics","annotation","annotation-xml","mprescripts","none"]),Nr=K(["#text"]),Mr=K(["accept","action","align","alt","autocapitalize","autocomplete","autopictureinpicture","autoplay","background","bgcolor","border","capture","cellpadding","cellspacing","checked","cite","class","clear","color","cols","colspan","command","commandfor","controls","controlslist","coords","crossorigin","datetime","decoding","default","dir","disabled","disablepictureinpicture","disableremoteplayback","download","draggable","enctype","enterkeyhint","exportparts","face","for","headers","height","hidden","high","href","hreflang","id","inert","inputmode","integrity","ismap","kind","label","lang","list","loading","loop","low","max","maxlength","media","method","min","minlength","multiple","muted","name","nonce","noshade","novalidate","nowrap","open","optimum","part","pattern","placeholder","playsinline","popover","popovertarget","popovertargetaction","poster","preload","pubdate","radiogroup","readonly","rel","required","rev","reversed","role","rows","rowspan","spellcheck","scope","selected","shape","size","sizes","slot","span","srclang","start","src","srcset","step","style","summary","tabindex","title","translate","type","usemap","valign","value","width","wrap","xmlns"]),qi=K(["accent-height","accumulate","additive","alignment-baseline","amplitude","ascent","attributename","attributetype","azimuth","basefrequency","baseline-shift","begin","bias","by","class","clip","clippathunits","clip-path","clip-rule","color","color-interpolation","color-interpolation-filters","color-profile","color-rendering","cx","cy","d","dx","dy","diffuseconstant","direction","display","divisor","dominant-baseline","dur","edgemode","elevation","end","exponent","fill","fill-opacity","fill-rule","filter","filterunits","flood-color","flood-opacity","font-family","font-size","font-size-adjust","font-stretch","font-style","font-variant","font-weight","fx","fy","g1","g2","glyph-name","glyphref","gradientunits","gradienttransform","height","href","id","image-rendering","in","in2","intercept","k","k1","k2","k3","k4","kerning","keypoints","keysplines","keytimes","lang","lengthadjust","letter-spacing","kernelmatrix","kernelunitlength","lighting-color","local","marker-end","marker-mid","marker-start","markerheight","markerunits","markerwidth","maskcontentunits","maskunits","max","mask","mask-type","media","method","mode","min","name","numoctaves","offset","operator","opacity","order","orient","orientation","origin","overflow","paint-order","path","pathlength","patterncontentunits","patterntransform","patternunits","pointer-events","points","preservealpha","preserveaspectratio","primitiveunits","r","rx","ry","radius","refx","refy","repeatcount","repeatdur","restart","result","rotate","scale","seed","shape-rendering","slope","specularconstant","specularexponent","spreadmethod","startoffset","stddeviation","stitchtiles","stop-color","stop-opacity","stroke-dasharray","stroke-dashoffset","stroke-linecap","stroke-linejoin","stroke-miterlimit","stroke-opacity","stroke","stroke-width","style","surfacescale","systemlanguage","tabindex","tablevalues","targetx","targety","transform","transform-origin","text-anchor","text-decoration","text-orientation","text-rendering","textlength","type","u1","u2","unicode","values","vector-effect","viewbox","visibility","version","vert-adv-y","vert-origin-x","vert-origin-y","width","word-spacing","wrap","writing-mode","xchannelselector","ychannelselector","x","x1","x2","xmlns","y","y1","y2","z","zoomandpan"]),Dr=K(["accent","accentunder","align","bevelled","close","columnalign","columnlines","columnspacing","columnspan","denomalign","depth","dir","display","displaystyle","encoding","fence","frame","height","href","id","largeop","length","linethickness","lquote","lspace","mathbackground","mathcolor","mathsize","mathvariant","maxsize","minsize","movablelimits","notation","numalign","open","rowalign","rowlines","rowspacing","rowspan","rspace","rquote","scriptlevel","scriptminsize","scriptsizemultiplier","selection","separator","separators","stretchy","subscriptshift","supscriptshift","symmetric","voffset","width","xmlns"]),Hs=K(["xlink:href","xml:id","xlink:title","xml:space","xmlns:xlink"]),ol=q(/{{[\w\W]*|^[\w\W]*}}/g),al=q(/<%[\w\W]*|^[\w\W]*%>/g),ll=q(/\${[\w\W]*/g),cl=q(/{{|}}|\${|<%|%>|&lt;%|%&gt;/),ul=q(/^data-[\-\w.\u00B7-\uFFFF]+$/),pl=q(/^aria-[\-\w]+$/),Ur=q(/^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix):|[^a-z]|[a-z+.\-]+(?:[^a-z+.\-:]|$))/i),hl=q(/^(?:\w+script|data):/i),dl=q(/[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g),fl=q(/^html$/i),gl=q(/^[a-z][.\w]*(-[.\w]+)+$/i),Bi=q(/<[/\w!]/g),zr=q(/<[/\w]/g),ml=q(/<\/no(script|embed|frames)/i),Hr=q(/\/>/i),bl=q(/((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i),yl=q(/^[\r\n\t ]+/),F={element:1,text:3,processingInstruction:7,comment:8,document:9,documentFragment:11},$l=K(O({},["style","script","xmp","iframe","noembed","noframes","plaintext","noscript"])),vl=function(){return typeof window>"u"?null:window},wl=function(t,e){if(typeof t!="object"||typeof t.createPolicy!="function")return null;let s=null,n="data-tt-policy-suffix";e&&e.hasAttribute(n)&&(s=e.getAttribute(n));let r="dompurify"+(s?"#"+s:"");try{return t.createPolicy(r,{createHTML(o){return o},createScriptURL(o){return o}})}catch{return console.warn("TrustedTypes policy "+r+" could not be created."),null}},Fr=function(){return{afterSanitizeAttributes:[],afterSanitizeElements:[],afterSanitizeShadowDOM:[],beforeSanitizeAttributes:[],beforeSanitizeElements:[],beforeSanitizeShadowDOM:[],uponSanitizeAttribute:[],uponSanitizeElement:[],uponSanitizeShadowNode:[]}},Ge=function(t,e,s,n){return se(t,e)&&St(t[e])?O(n.base?Xt(n.base):{},t[e],n.transform):s},Wi=function(t,e,s){let n=se(t,e)?t[e]:void 0;return n&&typeof n=="object"?js(n):s};function Vr(){let i=arguments.length>0&&arguments[0]!==void 0?arguments[0]:vl(),t=b=>Vr(b);if(t.version="3.4.18",t.removed=[],!i||!i.document||i.document.nodeType!==F.document||!i.Element)return t.isSupported=!1,t;let e=i.document,s=e,n=s.currentScript,r=i.HTMLTemplateElement,o=i.Node,c=i.Element,l=i.NodeFilter,h=i.DOMParser,p=i.trustedTypes,f=c.prototype,y=ge(f,"cloneNode"),w=ge(f,"remove"),E=ge(f,"removeAttributeNode"),C=ge(f,"nextSibling"),x=ge(f,"childNodes"),I=ge(f,"parentNode"),ue=ge(f,"shadowRoot"),N=ge(f,"attributes"),me=o&&o.prototype?ge(o.prototype,"nodeType"):null,pe=o&&o.prototype?ge(o.prototype,"nodeName"):null,Me=o&&o.prototype?ge(o.prototype,"ownerDocument"):null,ee=function(a){return me?me(a):a.nodeType},ae=function(a){return pe?pe(a):a.nodeName},De=sl(f,"namespaceURI"),Ue=function(a){return De?De(a):a.namespaceURI};if(typeof r=="function"){let b=e.createElement("template");b.content&&b.content.ownerDocument&&(e=b.content.ownerDocument)}let X,ke="",Ae,ne=!1,Ke=0,Se=function(){if(Ke>0)throw Pe('A configured TRUSTED_TYPES_POLICY callback (createHTML or createScriptURL) must not call DOMPurify.sanitize, as that causes infinite recursion. Do not pass a policy whose callbacks wrap DOMPurify as TRUSTED_TYPES_POLICY; see the "DOMPurify and Trusted Types" section of the README.')},Ot=function(a){Se(),Ke++;try{return X.createHTML(a)}finally{Ke--}},un=function(a){return X&&ii?Ot(a):a},_o=function(a){Se(),Ke++;try{return X.createScriptURL(a)}finally{Ke--}},So=function(){return ne||(Ae=wl(p,n),ne=!0),Ae},is=e,Zs=is.implementation,Ro=is.createNodeIterator,Io=is.createDocumentFragment,Co=is.getElementsByTagName,Oo=s.importNode,D=Fr();t.isSupported=typeof jr=="function"&&typeof I=="function"&&Zs&&Zs.createHTMLDocument!==void 0;let Lo=ol,Po=al,No=ll,Mo=ul,Do=pl,Uo=hl,zo=dl,Ho=gl,pn=Ur,U=null,Xs=O({},[...Pr,...Hi,...Fi,...ji,...Nr]),z=null,Qs=O({},[...Mr,...qi,...Dr,...Hs]),Ee=null,Lt=null,hn=null,ze=Object.seal(Ve(null,{tagCheck:{writable:!0,configurable:!1,enumerable:!0,value:null},attributeCheck:{writable:!0,configurable:!1,enumerable:!0,value:null}})),dn=!0,Js=!0,fn=!1,ei=!0,Re=!1,Ze=!0,Xe=!1,ti=!1,ns=null,rs=null,si=!1,ft=!1,os=!1,ii=!1,gn=!0,mn=!1,bn="user-content-",ni=!0,ri=!1,Qe=null,gt=!1,Je=null,yn=O({},["annotation-xml","audio","colgroup","desc","foreignobject","head","iframe","math","mi","mn","mo","ms","mtext","noembed","noframes","noscript","plaintext","script","selectedcontent","style","svg","template","thead","title","video","xmp"]),$n=null,vn=O({},["audio","video","img","source","image","track"]),wn=null,kn=O({},["alt","class","for","id","label","name","pattern","placeholder","role","summary","title","value","style","xmlns"]),as="http://www.w3.org/1998/Math/MathML",ls="http://www.w3.org/2000/svg",Te="http://www.w3.org/1999/xhtml",mt=Te,oi=!1,An=null,Fo=O({},[as,ls,Te],Ui),jo=K(O({},["mi","mo","mn","ms","mtext"])),ai=null,qo=K(O({},["annotation-xml"])),li=null,Bo=K(Ve(null)),Wo=O({},["title","style","font","a","script"]),Pt=null,Go=["application/xhtml+xml","text/html"],Vo="text/html",H=null,cs=null,Yo=e.createElement("form"),En=function(a){return a instanceof RegExp||a instanceof Function},ci=function(){let a=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};(!a||typeof a!="object")&&(a={}),a=js(a),Pt=Go.indexOf(a.PARSER_MEDIA_TYPE)===-1?Vo:a.PARSER_MEDIA_TYPE,H=Pt==="application/xhtml+xml"?Ui:lt,U=Ge(a,"ALLOWED_TAGS",Xs,{transform:H}),z=Ge(a,"ALLOWED_ATTR",Qs,{transform:H}),An=Ge(a,"ALLOWED_NAMESPACES",Fo,{transform:Ui}),wn=Ge(a,"ADD_URI_SAFE_ATTR",kn,{transform:H,base:kn}),$n=Ge(a,"ADD_DATA_URI_TAGS",vn,{transform:H,base:vn}),Je=Ge(a,"FORBID_CONTENTS",yn,{transform:H}),Lt=Ge(a,"FORBID_TAGS",Ve(null),{transform:H}),hn=Ge(a,"FORBID_ATTR",Ve(null),{transform:H}),gt=se(a,"USE_PROFILES")?a.USE_PROFILES&&typeof a.USE_PROFILES=="object"?js(a.USE_PROFILES):a.USE_PROFILES:!1,dn=a.ALLOW_ARIA_ATTR!==!1,Js=a.ALLOW_DATA_ATTR!==!1,fn=a.ALLOW_UNKNOWN_PROTOCOLS||!1,ei=a.ALLOW_SELF_CLOSE_IN_ATTR!==!1,Re=a.SAFE_FOR_TEMPLATES||!1,Ze=a.SAFE_FOR_XML!==!1,Xe=a.WHOLE_DOCUMENT||!1,ft=a.RETURN_DOM||!1,os=a.RETURN_DOM_FRAGMENT||!1,ii=a.RETURN_TRUSTED_TYPE||!1,si=a.FORCE_BODY||!1,gn=a.SANITIZE_DOM!==!1,mn=a.SANITIZE_NAMED_PROPS||!1,ni=a.KEEP_CONTENT!==!1,ri=a.IN_PLACE||!1,pn=il(a.ALLOWED_URI_REGEXP)?a.ALLOWED_URI_REGEXP:Ur,mt=typeof a.NAMESPACE=="string"?a.NAMESPACE:Te,ai=Wi(a,"MATHML_TEXT_INTEGRATION_POINTS",jo),li=Wi(a,"HTML_INTEGRATION_POINTS",qo);let u=Wi(a,"CUSTOM_ELEMENT_HANDLING",Bo);if(Ee=Ve(null),se(u,"tagNameCheck")&&En(u.tagNameCheck)&&(Ee.tagNameCheck=u.tagNameCheck),se(u,"attributeNameCheck")&&En(u.attributeNameCheck)&&(Ee.attributeNameCheck=u.attributeNameCheck),se(u,"allowCustomizedBuiltInElements")&&typeof u.allowCustomizedBuiltInElements=="boolean"&&(Ee.allowCustomizedBuiltInElements=u.allowCustomizedBuiltInElements),q(Ee),Re&&(Js=!1),os&&(ft=!0),gt&&((se(a,"ALLOWED_TAGS")||se(a,"ALLOWED_ATTR"))&&typeof console<"u"&&typeof console.warn=="function"&&console.warn("DOMPurify: USE_PROFILES overrides ALLOWED_TAGS and ALLOWED_ATTR. Do not use these options together."),U=O({},Nr),z=Ve(null),gt.html===!0&&(O(U,Pr),O(z,Mr)),gt.svg===!0&&(O(U,Hi),O(z,qi),O(z,Hs)),gt.svgFilters===!0&&(O(U,Fi),O(z,qi),O(z,Hs)),gt.mathMl===!0&&(O(U,ji),O(z,Dr),O(z,Hs))),ze.tagCheck=null,ze.attributeCheck=null,se(a,"ADD_TAGS")&&(typeof a.ADD_TAGS=="function"?ze.tagCheck=a.ADD_TAGS:St(a.ADD_TAGS)&&(U===Xs&&(U=Xt(U)),O(U,a.ADD_TAGS,H))),se(a,"ADD_ATTR")&&(typeof a.ADD_ATTR=="function"?ze.attributeCheck=a.ADD_ATTR:St(a.ADD_ATTR)&&(z===Qs&&(z=Xt(z)),O(z,a.ADD_ATTR,H))),se(a,"ADD_FORBID_CONTENTS")&&St(a.ADD_FORBID_CONTENTS)&&(Je===yn&&(Je=Xt(Je)),O(Je,a.ADD_FORBID_CONTENTS,H)),ni&&(U["#text"]=!0),Xe&&O(U,["html","head","body"]),U.table&&(U.tbody=!0,delete Lt.tbody),a.TRUSTED_TYPES_POLICY){if(typeof a.TRUSTED_TYPES_POLICY.createHTML!="function")throw Pe('TRUSTED_TYPES_POLICY configuration option must provide a "createHTML" hook.');if(typeof a.TRUSTED_TYPES_POLICY.createScriptURL!="function")throw Pe('TRUSTED_TYPES_POLICY configuration option must provide a "createScriptURL" hook.');let d=X;X=a.TRUSTED_TYPES_POLICY;try{ke=Ot("")}catch($){throw X=d,$}}else a.TRUSTED_TYPES_POLICY===null?(X=void 0,ke=""):(X===void 0&&(X=So()),X&&typeof ke=="string"&&(ke=Ot("")));cs=K(a)},Tn=O({},[...Hi,...Fi,...nl]),xn=O({},[...ji,...rl]),Ko=function(a,u,d){return u===Te?a==="svg":u===as?a==="svg"&&(d==="annotation-xml"||ai[d]):!!Tn[a]},Zo=function(a,u,d){return u===Te?a==="math":u===ls?a==="math"&&li[d]:!!xn[a]},Xo=function(a,u,d){return u===ls&&!li[d]||u===as&&!ai[d]?!1:!xn[a]&&(Wo[a]||!Tn[a])},Qo=function(a){let u=Ue(a),d=lt(ae(a)),$=I(a),A=mt,T="template";return $&&ee($)===F.element&&(A=Ue($),T=lt(ae($))),An[u]?u===ls?Ko(d,A,T):u===as?Zo(d,A,T):u===Te?Xo(d,A,T):Pt==="application/xhtml+xml":!1},He=function(a){Yt(t.removed,{element:a});try{I(a).removeChild(a)}catch{if(w(a),!I(a))throw Pe("a node selected for removal could not be detached from its tree and cannot be safely returned; refusing to sanitize in place")}},_n=function(a,u,d){try{E(a,u)}catch{try{a.removeAttribute(d)}catch{}}},ui=function(a){di(a);let u=x(a);u&&Le(Va(u),d=>{try{w(d)}catch{}}),ee(a)===F.element&&pi(a,!1)},bt=function(a,u,d){if(!d)try{d=u.getAttributeNode(a)}catch{d=null}if(Yt(t.removed,{attribute:d||null,from:u}),d)_n(u,d,a);else try{u.removeAttribute(a)}catch{}if(a==="is")if(ft||os)try{He(u)}catch{}else try{u.setAttribute(a,"")}catch{}},pi=function(a,u){let d=N(a);if(d)for(let $=d.length-1;$>=0;--$){let A=d[$],T=A&&A.name;typeof T=="string"&&!(u&&z[H(T)])&&_n(a,A,T)}},hi=function(a,u){let d=arguments.length>2&&arguments[2]!==void 0?arguments[2]:!1,$=[a];for(;$.length>0;){let A=$.pop();if(u(A)===!1)continue;if(d&&ee(A)===F.element){let R=ue(A);yt(R)&&$.push(R)}let T=x(A);if(T)for(let R=T.length-1;R>=0;--R)$.push(T[R])}},di=function(a){hi(a,u=>{ee(u)===F.element&&pi(u,!0)})},fi=function(a){let u=[];return hi(a,d=>{u.push(d)},!0),u},Jo=function(a,u){let d=Mi();Le(fi(a),$=>{ee($)===F.element&&Di(d,$)}),Le(u,$=>{ee($)===F.element&&!Kt(d,$)&&pi($,!0)})},Sn=function(a,u){let d=!1;return Le(t.removed,$=>{$.element&&(d=d||$.element===a,di($.element))}),Jo(a,u),d},ea=8,ta=function(a,u){let d=Qe,$=null,A=()=>($||($=Mi(),Le(u,T=>{Di($,T)})),$);for(let T=0;;T++){let R=fi(a),W=[a],Ie=!1;if(Le(R,ye=>{ee(ye)===F.documentFragment?Yt(W,ye):!Ie&&!Kt(d,ye)&&(Ie=Kt(A(),ye))}),!Ie)return;if(T>=ea)throw Pe("the tree kept changing during in-place sanitization; refusing to return it");Le(W,(ye,he)=>{sa(ye,he>0,a,A())})}},sa=function(a,u,d,$){let A=us(a),T;for(;T=A.nextNode();)!Kt($,T)||Kt(Qe,T)||(u&&be(D.uponSanitizeShadowNode,T,null),yi(T,d))},ia=function(a){Qe&&Di(Qe,a)},Rn=function(a,u){return Ze?a==="patchsrc"?!0:a==="for"&&u!=="label"&&u!=="output":!1},na=function(a){Ze&&hi(a,u=>{let d=ee(u);if(d===F.processingInstruction||d===F.comment&&Y(zr,u.data)){try{w(u)}catch{}return!1}if(d===F.element){let $=u,A=H(ae(u));try{$.hasAttribute&&$.hasAttribute("patchsrc")&&$.removeAttribute("patchsrc"),$.hasAttribute&&$.hasAttribute("for")&&Rn("for",A)&&$.removeAttribute("for")}catch{}}return!0})},In=function(a){let u=null,d=null;if(si)a="<remove></remove>"+a;else{let T=Ka(a,yl);d=T&&T[0]}Pt==="application/xhtml+xml"&&mt===Te&&(a='<html xmlns="http://www.w3.org/1999/xhtml"><head></head><body>'+a+"</body></html>");let $=X?Ot(a):a;if(mt===Te)try{u=new h().parseFromString($,Pt)}catch{}if(!u||!u.documentElement){u=Zs.createDocument(mt,"template",null);try{u.documentElement.innerHTML=oi?ke:$}catch{}}let A=u.body||u.documentElement;return a&&d&&A.insertBefore(e.createTextNode(d),A.childNodes[0]||null),mt===Te?Co.call(u,Xe?"html":"body")[0]:Xe?u.documentElement:A},us=function(a){let u=arguments.length>1&&arguments[1]!==void 0?arguments[1]:!1,d=Me?Me(a):a.ownerDocument;return Ro.call(d||a,a,(u?0:l.SHOW_ELEMENT)|l.SHOW_COMMENT|l.SHOW_TEXT|l.SHOW_PROCESSING_INSTRUCTION|l.SHOW_CDATA_SECTION,null)},gi=function(a){return a=zs(a,Lo," "),a=zs(a,Po," "),a=zs(a,No," "),a},mi=function(a){var u;bi(a);let d=(u=a.querySelectorAll)===null||u===void 0?void 0:u.call(a,"template");d&&Le(d,$=>{yt($.content)&&mi($.content)})},bi=function(a){a.normalize();let u=us(a,!0),d=u.nextNode();for(;d;)d.data=gi(d.data),d=u.nextNode()},ps=function(a){let u=pe?pe(a):null;return typeof u!="string"||H(u)!=="form"?!1:typeof a.nodeName!="string"||typeof a.textContent!="string"||typeof a.removeChild!="function"||a.attributes!==N(a)||typeof a.removeAttribute!="function"||typeof a.removeAttributeNode!="function"||typeof a.getAttributeNode!="function"||typeof a.setAttribute!="function"||typeof a.namespaceURI!="string"||typeof a.insertBefore!="function"||typeof a.hasChildNodes!="function"||a.nodeType!==me(a)||a.childNodes!==x(a)},Cn=function(a){if(!me||typeof a!="object"||a===null)return null;try{let u=me(a);return typeof u=="number"?u:null}catch{return null}},yt=function(a){return Cn(a)===F.documentFragment},Nt=function(a){return Cn(a)!==null};function be(b,a,u){b.length!==0&&Le(b,d=>{d.call(t,a,u,cs)})}let ra=function(a,u,d){return!!(Ze&&d===F.element&&a.hasChildNodes()&&!Nt(a.firstElementChild)&&Y(Bi,a.textContent)&&Y(Bi,a.innerHTML)||Ze&&$l[u]&&d===F.element&&Ue(a)===Te&&(Nt(a.firstElementChild)||typeof a.textContent=="string"&&Y(Bi,a.textContent))||d===F.processingInstruction||Ze&&d===F.comment&&Y(zr,a.data))},hs=function(a,u){if(a instanceof RegExp)return Y(a,u);if(a instanceof Function){for(var d=arguments.length,$=new Array(d>2?d-2:0),A=2;A<d;A++)$[A-2]=arguments[A];return!!a(u,...$)}return!1},oa=function(a,u,d){if(!Lt[u]&&Pn(u)&&hs(Ee.tagNameCheck,u))return!1;if(ni&&!Je[u]&&!Je[lt(u)]){let $=I(a),A=x(a);if(A&&$){let T=A.length;for(let R=T-1;R>=0;--R){let W=a===d?y(A[R],!0):A[R];$.insertBefore(W,C(a))}}}return He(a),!0},On=function(a,u,d,$){return a.length===0?u:u===d||u===$?Xt(u):u},$t=function(a,u){return a===u||I(a)!==null?!1:(ri&&di(a),!0)},aa=function(a,u){if(ia(a),be(D.beforeSanitizeElements,a,null),$t(a,u))return!0;if(ps(a))return He(a),!0;let d=H(ae(a)),$=ee(a);if(U=On(D.uponSanitizeElement,U,Xs,ns),be(D.uponSanitizeElement,a,{tagName:d,allowedTags:U}),$t(a,u))return!0;if(ra(a,d,$))return He(a),!0;if(Lt[d]||!(ze.tagCheck instanceof Function&&ze.tagCheck(d))&&!U[d]){let A=oa(a,d,u);return A===!1&&(be(D.afterSanitizeElements,a,null),$t(a,u))?!0:A}if($===F.element&&!Qo(a)||(d==="noscript"||d==="noembed"||d==="noframes")&&Y(ml,a.innerHTML))return He(a),!0;if(Re&&$===F.text){let A=a.textContent,T=gi(A);A!==T&&(Yt(t.removed,{element:a.cloneNode()}),a.textContent=T)}return be(D.afterSanitizeElements,a,null),$t(a,u)},Ln=function(a,u,d){if(hn[u]||Rn(u,a)||gn&&(u==="id"||u==="name")&&(d in e||d in Yo))return!1;let $=z[u]||ze.attributeCheck instanceof Function&&ze.attributeCheck(u,a);if(Js&&Y(Mo,u)||dn&&Y(Do,u))return!0;if(!$)return Pn(a)&&hs(Ee.tagNameCheck,a)&&hs(Ee.attributeNameCheck,u,a)||u==="is"&&Ee.allowCustomizedBuiltInElements&&hs(Ee.tagNameCheck,d);if(wn[u])return!0;let A=zs(d,zo,"");return Y(pn,A)||(u==="src"||u==="xlink:href"||u==="href")&&a!=="script"&&zi(d,"data:")===0&&$n[a]||fn&&!Y(Uo,A)?!0:!d},la=O({},["annotation-xml","color-profile","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","missing-glyph"]),Pn=function(a){return!la[lt(a)]&&Y(Ho,a)},ca=function(a,u,d,$){if(X&&typeof p=="object"&&typeof p.getAttributeType=="function"&&!d)switch(p.getAttributeType(a,u)){case"TrustedHTML":return Ot($);case"TrustedScriptURL":return _o($)}return $},ua=function(a,u,d,$){try{return d?a.setAttributeNS(d,u,$):a.setAttribute(u,$),ps(a)?(He(a),!1):!0}catch{return bt(u,a),!1}},Nn=function(a,u){return Ze&&Y(bl,u)?!0:lt(a)==="attributename"&&zi(u,"href")!==-1},pa=function(a,u){if(be(D.beforeSanitizeAttributes,a,null),$t(a,u))return;let d=a.attributes;if(!d||ps(a))return;z=On(D.uponSanitizeAttribute,z,Qs,rs);let $={attrName:"",attrValue:"",keepAttr:!0,allowedAttributes:z,forceKeepAttr:void 0},A=d.length,T=H(ae(a));for(;A--;){let R=d[A],W=R.name,Ie=R.namespaceURI,ye=R.value,he=H(W),xe=ye,Q=W==="value"?xe:Za(xe),Mn=!1;if($.attrName=he,$.attrValue=Q,$.keepAttr=!0,$.forceKeepAttr=void 0,be(D.uponSanitizeAttribute,a,$),Q=$.attrValue,mn&&(he==="id"||he==="name")&&zi(Q,bn)!==0&&(bt(W,a,R),Q=bn+Q,Mn=!0),Nn(W,Q)){bt(W,a,R);continue}if(!$.forceKeepAttr){if(!$.keepAttr){bt(W,a,R);continue}if(!ei&&Y(Hr,Q)){bt(W,a,R);continue}if(Re&&(Q=gi(Q)),!Ln(T,he,Q)){bt(W,a,R);continue}Q=ca(T,he,Ie,Q),Q!==xe&&ua(a,W,Ie,Q)&&Mn&&Cr(t.removed)}}be(D.afterSanitizeAttributes,a,null),$t(a,u)},yi=function(a,u){aa(a,u),pa(a,u),yt(a.content)&&$i(a.content)},$i=function(a){let u=null,d=us(a);for(be(D.beforeSanitizeShadowDOM,a,null);u=d.nextNode();)if(be(D.uponSanitizeShadowNode,u,null),yi(u,a),ee(u)===F.element){let $=ue(u);yt($)&&(vi($),$i($))}Re&&bi(a),be(D.afterSanitizeShadowDOM,a,null)},vi=function(a){let u=[{node:a,shadow:null}];for(;u.length>0;){let d=u.pop();if(d.shadow){$i(d.shadow);continue}let $=d.node,A=ee($)===F.element,T=x($);if(T)for(let R=T.length-1;R>=0;--R)u.push({node:T[R],shadow:null});if(A){let R=pe?pe($):null;if(typeof R=="string"&&H(R)==="template"){let W=$.content;yt(W)&&u.push({node:W,shadow:null})}}if(A){let R=ue($);yt(R)&&u.push({node:null,shadow:R},{node:R,shadow:null})}}};return t.sanitize=function(b){let a=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},u=null,d=null,$=null,A=null;if(oi=!b,oi&&(b="<!-->"),typeof b!="string"&&!Nt(b)&&(b=tl(b),typeof b!="string"))throw Pe("dirty is not a string, aborting");if(!t.isSupported)return b;ti?(U=ns,z=rs):ci(a),t.removed=[];let T=ri&&typeof b!="string"&&Nt(b),R=[],W=Qe;if(T){na(b);let xe=ae(b);if(typeof xe=="string"){let Q=H(xe);if(!U[Q]||Lt[Q])throw ui(b),Pe("root node is forbidden and cannot be sanitized in-place")}if(ps(b))throw ui(b),Pe("root node is clobbered and cannot be sanitized in-place");R=fi(b),Qe=Mi()}else if(Nt(b))u=In("<!---->"),d=u.ownerDocument.importNode(b,!0),d.nodeType===F.element&&d.nodeName==="BODY"||d.nodeName==="HTML"?u=d:u.appendChild(d),vi(u);else{if(!ft&&!Re&&!Xe&&b.indexOf("<")===-1)return un(b);if(u=In(b),!u)return ft?null:ii?ke:""}u&&si&&He(u.firstChild);let Ie=T?b:u;try{T&&vi(b);let xe=us(Ie);for(;$=xe.nextNode();)yi($,Ie);T&&ta(b,R)}catch(xe){throw T&&(ui(b),Sn(b,R)),xe}finally{Qe=W}if(T){if(Sn(b,R))throw Pe("a node selected for removal could not be safely returned; refusing to sanitize in place");return Re&&mi(b),b}if(ft){if(Re&&mi(u),os)for(A=Io.call(u.ownerDocument);u.firstChild;)A.appendChild(u.firstChild);else A=u;return(z.shadowroot||z.shadowrootmode)&&(A=Oo.call(s,A,!0)),A}let ye=()=>Xe?u.outerHTML:u.innerHTML,he=ye();return Re&&Y(cl,he)&&(bi(u),he=ye()),Xe&&U["!doctype"]&&u.ownerDocument&&u.ownerDocument.doctype&&u.ownerDocument.doctype.name&&Y(fl,u.ownerDocument.doctype.name)&&(he="<!DOCTYPE "+u.ownerDocument.doctype.name+`>
`+he),un(he)},t.setConfig=function(){let b=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};ci(b),ti=!0,ns=U,rs=z},t.clearConfig=function(){cs=null,ti=!1,ns=null,rs=null,X=Ae,ke=""},t.isValidAttribute=function(b,a,u){cs||ci({});let d=H(b),$=H(a);return typeof u=="string"&&(Nn(a,u)||!ei&&Y(Hr,u))?!1:Ln(d,$,u)},t.addHook=function(b,a){typeof a=="function"&&se(D,b)&&Yt(D[b],a)},t.removeHook=function(b,a){if(se(D,b)){if(a!==void 0){let u=Ga(D[b],a);return u===-1?void 0:Ya(D[b],u,1)[0]}return Cr(D[b])}},t.removeHooks=function(b){se(D,b)&&(D[b]=[])},t.removeAllHooks=function(){D=Fr()},t}var Yr=Vr();function Zi(){return{async:!1,breaks:!1,extensions:null,gfm:!0,hooks:null,pedantic:!1,renderer:null,silent:!1,tokenizer:null,walkTokens:null}}var dt=Zi();function ro(i){dt=i}var ut={exec:()=>null};function ct(i){let t=[];return e=>{let s=Math.max(0,Math.min(3,e-1)),n=t[s];return n||(n=i(s),t[s]=n),n}}function S(i,t=""){let e=typeof i=="string"?i:i.source,s={replace:(n,r)=>{let o=typeof r=="string"?r:r.source;return o=o.replace(V.caret,"$1"),e=e.replace(n,o),s},getRegex:()=>new RegExp(e,t)};return s}var oo=((i="")=>{try{return!!new RegExp("(?<=1)(?<!1)"+i)}catch{return!1}})(),V={codeRemoveIndent:/^(?: {0,3}\t| {1,4})/gm,listInterruptsParagraph:/^ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/,outputLinkReplace:/\\([\[\]])/g,indentCodeCompensation:/^(\s+)(?:```)/,beginningSpace:/^\s+/,endingHash:/#$/,startingSpaceChar:/^ /,endingSpaceChar:/ $/,endingSpaceTabChar:/[ \t]$/,nonSpaceChar:/[^ ]/,newLineCharGlobal:/\n/g,tabCharGlobal:/\t/g,leadingSpaceTab:/^[ \t]+/,multipleSpaceGlobal:/\s+/g,blankLine:/^[ \t]*$/,doubleBlankLine:/\n[ \t]*\n[ \t]*$/,blockquoteStart:/^ {0,3}>/,blockquoteSetextReplace:/\n {0,3}((?:=+|-+)[ \t]*)(?=\n|$)/g,blockquoteSetextReplace2:/^ {0,3}>[ \t]?/gm,blockquoteMarkerWhitespace:/^( {0,3}>)(\t[ \t]*)/gm,nestedBlockMarker:/^ {0,3}(?:(?:[*+-]|\d{1,9}[.)])(?: |$)|> ?)/,listReplaceNesting:/^ {1,4}(?=( {4})*[^ ])/g,listIsTask:/^\[[ xX]\][ \t]+\S/,listReplaceTask:/^\[[ xX]\][ \t]+/,listTaskCheckbox:/\[[ xX]\]/,anyLine:/\n.*\n/,hrefBrackets:/^<(.*)>$/,tableDelimiter:/[:|]/,tableAlignChars:/^\||\| *$/g,tableRowBlankLine:/\n[ \t]*$/,tableAlignRight:/^ *-+: *$/,tableAlignCenter:/^ *:-+: *$/,tableAlignLeft:/^ *:-+ *$/,startATag:/^<a /i,endATag:/^<\/a>/i,startPreScriptTag:/^<(pre|code|kbd|script)(\s|>)/i,endPreScriptTag:/^<\/(pre|code|kbd|script)(\s|>)/i,startAngleBracket:/^</,endAngleBracket:/>$/,pedanticHrefTitle:/^([^'"]*[^\s])\s+(['"])(.*)\2/,unicodeAlphaNumeric:/[\p{L}\p{N}]/u,numericCharacterReference:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));/,numericCharacterReferenceOrAmpersand:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,escapeTest:/[&<>"']/,escapeReplace:/[&<>"']/g,escapeTestNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/,escapeReplaceNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,caret:/(^|[^\[])\^/g,percentDecode:/%25/g,findPipe:/\|/g,splitPipe:/ \|/,slashPipe:/\\\|/g,carriageReturn:/\r\n|\r/g,spaceLine:/^ +$/gm,notSpaceStart:/^\S*/,endingNewline:/\n$/,listItemRegex:i=>new RegExp(`^( {0,3}${i})((?:[	 ][^\\n]*)?(?:\\n|$))`),nextBulletRegex:ct(i=>new RegExp(`^ {0,${i}}(?:[*+-]|\\d{1,9}[.)])((?:[ 	][^\\n]*)?(?:\\n|$))`)),hrRegex:ct(i=>new RegExp(`^ {0,${i}}((?:-[ 	]*){3,}|(?:_[ 	]*){3,}|(?:\\*[ 	]*){3,})(?:\\n+|$)`)),fencesBeginRegex:ct(i=>new RegExp(`^ {0,${i}}(?:\`\`\`|~~~)`)),headingBeginRegex:ct(i=>new RegExp(`^ {0,${i}}#{1,6}(?:\\s|$)`)),pedanticHeadingBeginRegex:ct(i=>new RegExp(`^ {0,${i}}#`)),htmlBeginRegex:ct(i=>new RegExp(`^ {0,${i}}(?:</?(?:${Qi})(?:[ \\t]+|$|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`,"i")),blockquoteBeginRegex:ct(i=>new RegExp(`^ {0,${i}}>`)),nestedContainerMarkers:/^(?: {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?))+/},kl=/^(?:[ \t]*(?:\n|$))+/,Al=/^((?: {4}| {0,3}\t)[^\n]+(?:\n(?:[ \t]*(?:\n|$))*)?)+/,El=/^ {0,3}(`{3,}(?=[^`\n]*(?:\n|$))|~{3,})([^\n]*)(?:\n|$)(?:|([\s\S]*?)(?:\n|$))(?: {0,3}(?:(?=`)\1`*|(?=~)\1~*) *(?=\n|$)|$)/,es=/^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/,Tl=/^ {0,3}(#{1,6})(?=\s|$)(.*)(?:\n+|$)/,Xi=/ {0,3}(?:[*+-]|\d{1,9}[.)])/,Qi="address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul",ts=S(" {0,3}(?:</?(?:tag)(?:[ \\t]+|\\n|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)").replace("tag",Qi).getRegex(),ao=/^(?!bull |blockCode|fences|blockquote|heading|html|table)((?:.|\n(?!\s*?\n|bull |fences|blockquote|heading|hr|html|table))+?)\n {0,3}(=+|-+)[ \t]*(?:\n+|$)/,lo=S(ao).replace(/bull/g,Xi).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/\|table/g,"").replace(/html/g,ts).getRegex(),xl=S(ao).replace(/bull/g,Xi).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/table/g,/ {0,3}\|?(?:[:\- ]*\|)+[\:\- ]*\n/).replace(/html/g,ts).getRegex(),Ji=/^([^\n]+(?:\n(?!hr|heading|lheading|blockquote|fences|list|html|table|[ \t]+\n)[^\n]+)*)/,_l=/^[^\n]+/,en=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\\n]|\n(?![ \t]*\n))+/,Sl=S(/^ {0,3}\[(label)\]: *(?:\n[ \t]*)?([^<\s][^\s]*|<(?:\\.|[^\n<>\\])*>)(?:(?: +(?:\n[ \t]*)?| *\n[ \t]*)(title))? *(?:\n+|$)/).replace("label",en).replace("title",/(?:"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\\n]|\n(?!\n))*'|\((?:\\[\s\S]|[^()\\])*\))/).getRegex(),Rl=S(/^(bull)([ \t][^\n]*?)?(?:\n|$)/).replace(/bull/g,Xi).getRegex(),tn=/<!--(?:-?>|[\s\S]*?(?:-->|$))/,Il=S("^ {0,3}(?:<(script|pre|style|textarea)[\\s>][\\s\\S]*?(?:</\\1>[^\\n]*\\n*|$)|comment[^\\n]*(\\n+|$)|<\\?[\\s\\S]*?(?:\\?>[^\\n]*\\n*|$)|<![A-Z][\\s\\S]*?(?:>[^\\n]*\\n*|$)|<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>[^\\n]*\\n*|$)|</?(tag)(?:[ \\t]+|\\n|/?>|$)[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|<(?!(?:script|pre|style|textarea)(?![a-z0-9-]))([a-z][a-z0-9-]*)(?:attribute)*?[ \\t]*/?>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|</[a-z][a-z0-9-]*\\s*>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$))","i").replace("comment",tn).replace("tag",Qi).replace("attribute",/[ \t]+[a-zA-Z:_][\w.:-]*(?:[ \t]*=[ \t]*"[^"\n]*"|[ \t]*=[ \t]*'[^'\n]*'|[ \t]*=[ \t]*[^\s"'=<>`]+)?/).getRegex(),co=i=>S(Ji).replace("hr",es).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("|table","").replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list",i).replace("html",ts).getRegex(),Cl=co(/ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/),Ol=co(/ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|\n|$)/),Ll=S(/^( {0,3}> ?(?:(?![ \t]*(?:\n|$))(paragraph)|[^\n]*)(?:\n|$))+/).replace("paragraph",Ol).getRegex(),sn={blockquote:Ll,code:Al,def:Sl,fences:El,heading:Tl,hr:es,html:Il,lheading:lo,list:Rl,newline:kl,paragraph:Cl,table:ut,text:_l},Kr=S("^ *([^\\n ].*)\\n {0,3}((?:\\| *)?:?-+:? *(?:\\| *:?-+:? *)*(?:\\| *)?)(?:\\n((?:(?! *\\n|hr|heading|blockquote|code|fences|list|html).*(?:\\n|$))*)\\n*|$)").replace("hr",es).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("blockquote"," {0,3}>").replace("code","(?: {4}| {0,3}	)[^\\n]").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]").replace("html",ts).getRegex(),Pl={...sn,lheading:xl,table:Kr,paragraph:S(Ji).replace("hr",es).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("table",Kr).replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]+[^ \\t\\n]").replace("html",ts).getRegex()},Nl={...sn,html:S(`^ *(?:comment(?: *\\n|\\s*$)|<(tag)[\\s\\S]+?</\\1>(?: *\\n{2,}|\\s*$)|<tag(?:"[^"]*"|'[^']*'|\\s[^'"/>\\s]*)*?/?>(?: *\\n{2,}|\\s*$))`).replace("comment",tn).replace(/tag/g,"(?!(?:a|em|strong|small|s|cite|q|dfn|abbr|data|time|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img)\\b)\\w+(?!:|[^\\w\\s@]*@)\\b").getRegex(),def:/^ *\[([^\]]+)\]: *<?([^\s>]+)>?(?: +(["(][^\n]+[")]))? *(?:\n+|$)/,heading:/^(#{1,6})(.*)(?:\n+|$)/,fences:ut,lheading:/^(.+?)\n {0,3}(=+|-+) *(?:\n+|$)/,paragraph:S(Ji).replace("hr",es).replace("heading",` *#{1,6} *[^
]`).replace("|table","").replace("blockquote"," {0,3}>").replace("|fences","").replace("|list","").replace("|html","").replace("|tag","").replace("lheading",lo).getRegex()},Ml=/^\\([!"#$%&'()*+,\-./:;<=>?@\[\]\\^_`{|}~])/,Dl=/^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/,uo=/^( {2,}|\\)\n(?!\s*$)[ \t]*/,Ul=/^(`+|[^`])(?:(?= {2,}\n)|[\s\S]*?(?:(?=[\\<!\[`*_]|\b_|$)|[^ ](?= {2,}\n)))/,_e=/[\p{P}\p{S}]/u,It=/[\s\p{P}\p{S}]/u,ss=/[^\s\p{P}\p{S}]/u,zl=S(/^((?![*_])punctSpace)/,"u").replace(/punctSpace/g,It).getRegex(),Hl=/[\p{Pi}\p{Ps}"']/u,po=/(?!~)[\p{P}\p{S}]/u,Fl=/(?!~)[\s\p{P}\p{S}]/u,jl=/(?:[^\s\p{P}\p{S}]|~)/u,ql=S(/link|precode-code|html/,"g").replace("link",/\[(?:[^\[\]`]|(?<a>`+)[^`]+\k<a>(?!`))*?\]\((?:\\[\s\S]|[^\\\(\)]|\((?:\\[\s\S]|[^\\\(\)])*\))*\)/).replace("precode-",oo?"(?<!`)()":"(^^|[^`])").replace("code",/(?<b>`+)[^`]+\k<b>(?!`)/).replace("html",/<(?! )[^<>]*?>/).getRegex(),ho=/^(?:\*+(?:((?!\*)punct)|([^\s*]))?)|^_+(?:((?!_)punct)|([^\s_]))?/,Bl=S(ho,"u").replace(/punct/g,_e).getRegex(),Wl=S(ho,"u").replace(/punct/g,po).getRegex(),Gl=/^(?:\*+(?:((?!\*)(?!openQuote)punct)|([^\s*]))?)|^_+(?:((?!_)(?!openQuote)punct)|([^\s_]))?/,Vl=S(Gl,"u").replace(/openQuote/g,Hl).replace(/punct/g,_e).getRegex(),fo="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)punctSpace(\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|notPunctSpace(\\*+)(?=notPunctSpace)",Yl=S(fo,"gu").replace(/notPunctSpace/g,ss).replace(/punctSpace/g,It).replace(/punct/g,_e).getRegex(),Kl=S(fo,"gu").replace(/notPunctSpace/g,jl).replace(/punctSpace/g,Fl).replace(/punct/g,po).getRegex(),Zl="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)[\\s](\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|(?:(?!\\*)punct|notPunctSpace)(\\*+)(?!\\*)(?=notPunctSpace)",Xl=S(Zl,"gu").replace(/notPunctSpace/g,ss).replace(/punctSpace/g,It).replace(/punct/g,_e).getRegex(),Ql=S("^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)punctSpace(_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)","gu").replace(/notPunctSpace/g,ss).replace(/punctSpace/g,It).replace(/punct/g,_e).getRegex(),Jl="^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)[\\s](_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)|(?:(?!_)punct|notPunctSpace)(_+)(?!_)(?=notPunctSpace)",ec=S(Jl,"gu").replace(/notPunctSpace/g,ss).replace(/punctSpace/g,It).replace(/punct/g,_e).getRegex(),tc=S(/^~~?(?:((?!~)punct)|[^\s~])/,"u").replace(/punct/g,_e).getRegex(),sc="^[^~]+(?=[^~])|(?!~)punct(~~?)(?=[\\s]|$)|notPunctSpace(~~?)(?!~)(?=punctSpace|$)|(?!~)punctSpace(~~?)(?=notPunctSpace)|[\\s](~~?)(?!~)(?=punct)|(?!~)punct(~~?)(?!~)(?=punct)|notPunctSpace(~~?)(?=notPunctSpace)",ic=S(sc,"gu").replace(/notPunctSpace/g,ss).replace(/punctSpace/g,It).replace(/punct/g,_e).getRegex(),nc=S(/\\(punct)/,"gu").replace(/punct/g,_e).getRegex(),rc=S(/(`+)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)|`+|\\(punct)/,"gu").replace(/punct/g,_e).getRegex(),oc=S(/^<(scheme:[^\s\x00-\x1f<>]*|email)>/).replace("scheme",/[a-zA-Z][a-zA-Z0-9+.-]{1,31}/).replace("email",/[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+(@)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+(?![-_])/).getRegex(),ac=S(tn).replace("(?:-->|$)","-->").getRegex(),lc=S("^comment|^</[a-zA-Z][a-zA-Z0-9-]*\\s*>|^<[a-zA-Z][a-zA-Z0-9-]*(?:attribute)*?\\s*/?>|^<\\?[\\s\\S]*?\\?>|^<![a-zA-Z]+\\s[\\s\\S]*?>|^<!\\[CDATA\\[[\\s\\S]*?\\]\\]>").replace("comment",ac).replace("attribute",/\s+[a-zA-Z:_][\w.:-]*(?:\s*=\s*"[^"]*"|\s*=\s*'[^']*'|\s*=\s*[^\s"'=<>`]+)?/).getRegex(),go=/\[(?:\\[\s\S]|[^\[\]\\])*\]/,Ws=S(/(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\])|[^\[\]\\`])*?/).replace("brackets",go).getRegex(),cc=S(/^!?\[(label)\]\([ \t\n]*(href)(?:(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)(title))?[ \t\n]*\)/).replace("label",Ws).replace("href",/<(?:\\.|[^\n<>\\])*>|(?!<)[^ \t\n\x00-\x1f]+|(?=\))/).replace("title",/"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'|\((?:\\[\s\S]|[^)\\])*\)/).getRegex(),uc=S(/^!?\[(label)\]\[(ref)\]/).replace("label",Ws).replace("ref",en).getRegex(),pc=S(/^!?\[(ref)\](?:\[\])?/).replace("ref",en).getRegex(),Zr=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\]){1,999}/,hc=S(/(?:[^\[\]\\`]*(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\]))){0,999}?[^\[\]\\`]*?/).replace("brackets",go).getRegex(),dc=S("reflink|nolink(?!\\()","g").replace("reflink",S(/^!?\[(label)\]\[(ref)\]/).replace("label",hc).replace("ref",Zr).getRegex()).replace("nolink",S(/^!?\[(ref)\](?:\[\])?/).replace("ref",Zr).getRegex()).getRegex(),Xr=/[hH][tT][tT][pP][sS]?|[fF][tT][pP]/,fc=/[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/,gc=S(/(?:mailto:email|xmpp:email(?:\/[A-Za-z0-9@.]+)?)/).replace(/email/g,fc).getRegex(),nn={_backpedal:ut,anyPunctuation:nc,anyPunctuationOutsideCode:rc,autolink:oc,blockSkip:ql,br:uo,code:Dl,del:ut,delLDelim:ut,delRDelim:ut,emStrongLDelim:Bl,emStrongRDelimAst:Yl,emStrongRDelimUnd:Ql,escape:Ml,link:cc,nolink:pc,punctuation:zl,reflink:uc,reflinkSearch:dc,tag:lc,text:Ul,url:ut},mc={...nn,emStrongLDelim:Vl,emStrongRDelimAst:Xl,emStrongRDelimUnd:ec,link:S(/^!?\[(label)\]\((.*?)\)/).replace("label",Ws).getRegex(),reflink:S(/^!?\[(label)\]\s*\[([^\]]*)\]/).replace("label",Ws).getRegex()},Vi={...nn,emStrongRDelimAst:Kl,emStrongLDelim:Wl,delLDelim:tc,delRDelim:ic,url:S(/^emailProtocol|^((?:protocol):\/\/|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*|^email/).replace("emailProtocol",gc).replace("protocol",Xr).replace("email",/[A-Za-z0-9._+-]+(@)[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/).getRegex(),_backpedal:/(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/,del:/^(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|$)/,text:S(/^(?:[^a-zA-Z0-9](?=emailProtocol)|(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|(?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@)|[\s\S]*?(?:(?=[\\<!\[`*~_]|\b_|protocol:\/\/|wwwStart|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9](?=emailProtocol)|[^a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-](?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@))))/).replace("protocol",Xr).replace(/emailProtocol/g,/(?:mailto|xmpp):/).replace("wwwStart",oo?"(?<![^\\s*_~(])www\\.":"www\\.").getRegex()},bc={...Vi,br:S(uo).replace("{2,}","*").getRegex(),text:S(Vi.text).replace("\\b_","\\b_| {2,}\\n").replace(/\{2,\}/g,"*").getRegex()},qs={normal:sn,gfm:Pl,pedantic:Nl},Qt={normal:nn,gfm:Vi,breaks:bc,pedantic:mc},yc={"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"},Qr=i=>yc[i];function fe(i,t){if(t){if(V.escapeTest.test(i))return i.replace(V.escapeReplace,Qr)}else if(V.escapeTestNoEncode.test(i))return i.replace(V.escapeReplaceNoEncode,Qr);return i}function $c(i){return V.numericCharacterReference.test(i)?i.replace(V.numericCharacterReferenceOrAmpersand,(t,e,s)=>{if(e===void 0&&s===void 0)return"&amp;";let n=e===void 0?Number.parseInt(s,16):Number.parseInt(e,10);return n===0||n>1114111||n>=55296&&n<=57343?"�":n===38?"&amp;":String.fromCodePoint(n)}):i}function Jr(i){try{i=encodeURI(i).replace(V.percentDecode,"%")}catch{return null}return i}function eo(i,t){let e=i.replace(V.findPipe,(r,o,c)=>{let l=!1,h=o;for(;--h>=0&&c[h]==="\\";)l=!l;return l?"|":" |"}),s=e.split(V.splitPipe),n=0;if(s[0].trim()||s.shift(),s.length>0&&!s.at(-1)?.trim()&&s.pop(),t)if(s.length>t)s.splice(t);else for(;s.length<t;)s.push("");for(;n<s.length;n++)s[n]=s[n].trim().replace(V.slashPipe,"|");return s}function Ne(i,t,e){let s=i.length;if(s===0)return"";let n=0;for(;n<s;){let r=i.charAt(s-n-1);if(r===t&&!e)n++;else if(r!==t&&e)n++;else break}return i.slice(0,s-n)}function to(i){let t=i.split(`
`),e=t.length-1;for(;e>=0&&V.blankLine.test(t[e]);)e--;return t.length-e<=2?i:t.slice(0,e+1).join(`
`)}function Gs(i){return i.trim().replace(V.multipleSpaceGlobal," ").toLowerCase().toUpperCase().toLowerCase()}function so(i,t){if(i.indexOf(t[0])===-1&&i.indexOf(t[1])===-1)return-1;let e=0;for(let s=0;s<i.length;s++)if(i[s]==="\\")s++;else if(i[s]===t[0])e++;else if(i[s]===t[1]&&(e--,e<0))return s;return e>0?-2:-1}var Rt=new WeakMap;function rn(i){let t={"*":-1,_:-1},e=-1,s=i.length;for(let n=0;n<s;n++){let r=i[n];if(r!=="*"&&r!=="_"&&r!=="~")continue;let o=n===0?`
`:i[n-1],c=n+1;for(;c<s&&i[c]===r;)c++;o!==" "&&o!=="	"&&o!==`
`&&o!=="\r"&&o!=="\f"&&(r==="~"?e=n:t[r]=n),n=c-1}return{maskedSrc:i,lastPossibleEmStrongCloserIndex:t,lastPossibleDelCloserIndex:e}}function vc(i,t){let e=rn(t),s=Rt.get(i);s?s.push(e):Rt.set(i,[e])}function wc(i){let t=Rt.get(i);t&&(t.pop(),t.length===0&&Rt.delete(i))}function mo(i,t,e){let s=Rt.get(i)?.at(-1);return s&&s.maskedSrc===t?s.lastPossibleEmStrongCloserIndex[e]:rn(t).lastPossibleEmStrongCloserIndex[e]}function bo(i,t){let e=Rt.get(i)?.at(-1);return e&&e.maskedSrc===t?e.lastPossibleDelCloserIndex:rn(t).lastPossibleDelCloserIndex}function Bs(i,t=0){let e=t,s="";for(let n of i)if(n==="	"){let r=4-e%4;s+=" ".repeat(r),e+=r}else s+=n,e++;return s}function kc(i,t){let e="";for(let s=0;s<i.length;s++){if(i[s]==="`"){let n=t.inline.code.exec(i.slice(s));if(n){e+=n[0],s+=n[0].length-1;continue}}if(i[s]==="\\"&&(i[s+1]==="["||i[s+1]==="]")){e+=i[s+1],s++;continue}e+=i[s]}return e}function io(i,t,e,s,n){let r=t.href,o=t.title||null,c=kc(i[1],n),l=i[0].charAt(0)==="!",h=s.state.inLink,p=s.state.linkEmitted,f=s.state.inRawBlock;s.state.inLink=!0,s.state.linkEmitted=!1;let y=s.inlineTokens(c),w=s.state.linkEmitted;if(s.state.linkEmitted=p,s.state.inLink=h,!l){if(w){s.state.inRawBlock=f;return}s.state.linkEmitted=!0}return{type:l?"image":"link",raw:e,href:r,title:o,text:c,tokens:y}}function Ac(i,t,e){let s=i.match(e.other.indentCodeCompensation);if(s===null)return t;let n=s[1];return t.split(`
`).map(r=>{let o=r.match(e.other.beginningSpace);if(o===null)return r;let[c]=o;return r.slice(Math.min(c.length,n.length))}).join(`
`)}function no(i,t,e,s){if(!t.includes("<"))return!1;for(let n=0;n<t.length;n++){if(t[n]==="\\"){n++;continue}if(t[n]==="`"){let c=s.inline.code.exec(t.slice(n));if(c){n+=c[0].length-1;continue}}if(t[n]!=="<")continue;let r=i.slice(e+n),o=s.inline.tag.exec(r)||s.inline.autolink.exec(r);if(o){if(o[0].length>t.length-n)return!0;n+=o[0].length-1}}return!1}var pt=class{options;rules;lexer;constructor(i){this.options=i||dt}space(i){let t=this.rules.block.newline.exec(i);if(t&&t[0].length>0)return{type:"space",raw:t[0]}}code(i){let t=this.rules.block.code.exec(i);if(t){let e=this.options.pedantic?t[0]:to(t[0]),s=e.replace(this.rules.other.codeRemoveIndent,"");return{type:"code",raw:e,codeBlockStyle:"indented",text:s}}}fences(i){let t=this.rules.block.fences.exec(i);if(t){let e=t[0],s=Ac(e,t[3]||"",this.rules);return t[3]!==void 0&&(s===""||s.endsWith(`
`))&&(s+=`
`),{type:"code",raw:e,lang:t[2]?t[2].trim().replace(this.rules.inline.anyPunctuation,"$1"):t[2],text:s}}}heading(i){let t=this.rules.block.heading.exec(i);if(t){let e=t[2].trim();if(this.rules.other.endingHash.test(e)){let s=Ne(e,"#");(this.options.pedantic||!s||this.rules.other.endingSpaceTabChar.test(s))&&(e=s.trim())}return{type:"heading",raw:Ne(t[0],`
`),depth:t[1].length,text:e,tokens:this.lexer.inline(e)}}}hr(i){let t=this.rules.block.hr.exec(i);if(t)return{type:"hr",raw:Ne(t[0],`
`)}}blockquote(i){let t=this.rules.block.blockquote.exec(i);if(t){let e=Ne(t[0],`
`).split(`
`),s="",n="",r=[];for(;e.length>0;){let o=!1,c=[],l;for(l=0;l<e.length;l++)if(this.rules.other.blockquoteStart.test(e[l]))c.push(e[l]),o=!0;else if(!o)c.push(e[l]);else break;e=e.slice(l);let h=c.join(`
`),p=h.replace(this.rules.other.blockquoteMarkerWhitespace,(w,E,C)=>C.startsWith(" ")?E+" "+C.slice(1):E+Bs(C,E.length)).replace(this.rules.other.blockquoteSetextReplace,`
    $1`).replace(this.rules.other.blockquoteSetextReplace2,"");s=s?`${s}
${h}`:h,n=n?`${n}
${p}`:p;let f=this.lexer.state.top;if(this.lexer.state.top=!0,this.lexer.blockTokens(p,r,!0),this.lexer.state.top=f,e.length===0)break;let y=r.at(-1);if(y?.type==="code"||y?.type==="heading"||y?.type==="hr"||y?.type==="html"||y?.type==="table")break;if(y?.type==="blockquote"){let w=y,E=e.join(`
`),C=w.raw+`
`+E.replace(this.rules.other.blockquoteSetextReplace2,""),x=this.blockquote(C);r[r.length-1]=x;let I=C.substring(x.raw.length).replace(/^\n/,""),ue=I?I.split(`
`).length:0,N=ue?e.slice(0,-ue):e;if(N.length>0&&(s=`${s}
${N.join(`
`)}`),n=n.substring(0,n.length-w.text.length)+x.text,e=e.slice(N.length),e.length>0&&this.rules.other.blockquoteStart.test(e[0]))continue;break}else if(y?.type==="list"){let w=y,E=w.raw+`
`+e.join(`
`),C=this.list(E);r[r.length-1]=C;let x=C.raw.length>w.raw.length?E.slice(w.raw.length+1,C.raw.length).split(`
`).length:0;if(x>0){let I=e.slice(0,x).join(`
`);s=`${s}
${I}`,n=`${n}
${I}`}if(e=e.slice(x),e.length>0&&!this.rules.other.blockquoteStart.test(e[0]))break;continue}}return{type:"blockquote",raw:s,tokens:r,text:n}}}list(i){let t=this.rules.block.list.exec(i);if(t){if(!this.options.pedantic&&this.lexer.state.lastToken?.type==="text"&&!this.rules.other.listInterruptsParagraph.test(i))return;let e=i,s=()=>e.length-i.length,n=t[1].trim(),r=n.length>1,o={type:"list",raw:"",ordered:r,start:r?+n.slice(0,-1):"",loose:!1,items:[]};n=r?`\\d{1,9}\\${n.slice(-1)}`:`\\${n}`,this.options.pedantic&&(n=r?n:"[*+-]");let c=this.rules.other.listItemRegex(n),l=!1;for(;i;){let f=!1,y="";if(!(t=c.exec(i))||this.rules.block.hr.test(i))break;let w=s();i=i.substring(t[0].length);let E=t[2].split(`
`,1)[0],C=t[1].length,x=this.options.pedantic?Bs(E,C):E.replace(this.rules.other.leadingSpaceTab,pe=>Bs(pe,C)),I=i.split(`
`,1)[0],ue=!x.trim(),N=0;if(this.options.pedantic?(N=2,y=x.trimStart()):ue?N=C+1:(N=x.search(this.rules.other.nonSpaceChar),N=N>4?1:N,y=x.slice(N),N+=C),ue&&this.rules.other.blankLine.test(I)&&(i=i.substring(I.length+1),f=!0),!f){let pe=this.rules.other.nextBulletRegex(N),Me=this.rules.other.hrRegex(N),ee=this.rules.other.fencesBeginRegex(N),ae=this.options.pedantic?this.rules.other.pedanticHeadingBeginRegex(N):this.rules.other.headingBeginRegex(N),De=this.rules.other.htmlBeginRegex(N),Ue=this.rules.other.blockquoteBeginRegex(N),X=!1;for(;i;){let ke=i.split(`
`,1)[0],Ae;if(I=ke,this.options.pedantic?(I=I.replace(this.rules.other.listReplaceNesting,"  "),Ae=I):Ae=I.replace(this.rules.other.leadingSpaceTab,ne=>Bs(ne)),ee.test(I)||ae.test(I)||De.test(I)||Ue.test(I)||pe.test(I)||Me.test(I))break;if(Ae.search(this.rules.other.nonSpaceChar)>=N||!I.trim())y+=`
`+Ae.slice(N),X=!1;else{if(ue)break;let ne=x;if(!this.options.pedantic&&!y.includes(`
`)&&!x.includes("	")){let Se;for(;!Me.test(ne)&&(Se=this.rules.other.nestedBlockMarker.exec(ne));)ne=ne.slice(Se[0].length);if(!ne.trim())break}if(ne.replace(this.rules.other.tabCharGlobal,"    ").search(this.rules.other.nonSpaceChar)>=4||ee.test(ne)||ae.test(ne)||De.test(ne)||Me.test(ne))break;if(!this.options.pedantic&&!X){let Se=x.replace(this.rules.other.nestedContainerMarkers,"");if(this.rules.block.fences.test(Se)||this.rules.block.heading.test(Se)||this.rules.block.hr.test(Se))break}let Ke=!this.options.pedantic&&/^ {0,3}(?:=+|-+) *$/.test(I)&&this.rules.block.lheading.test(`${x}
${I}`)?`    ${Ae.replace(/^ {0,3}/,"")}`:I;y+=`
`+Ke,X=!0}ue=!I.trim(),i=i.substring(ke.length+1),x=Ae.slice(N)}}let me=e.slice(w,s());o.loose||(l?o.loose=!0:this.rules.other.doubleBlankLine.test(me)&&(l=!0)),o.items.push({type:"list_item",raw:me,task:!!this.options.gfm&&this.rules.other.listIsTask.test(y),loose:!1,text:y,tokens:[]})}let h=o.items.at(-1);if(h)h.raw=h.raw.trimEnd(),h.text=h.text.trimEnd();else return;o.raw=e.slice(0,s()).trimEnd();let p=[];for(let f of o.items)if(this.lexer.state.top=!1,p.push(this.lexer.inlineQueue.length),f.tokens=this.lexer.blockTokens(f.text,[]),!o.loose){let y=f.tokens.filter(E=>E.type==="space"),w=y.length>0&&y.some(E=>this.rules.other.anyLine.test(E.raw));o.loose=w}for(let f=0;f<o.items.length;f++){let y=o.items[f],w=y.tokens[0];if(y.task&&(w?.type==="text"||w?.type==="paragraph")){y.text=y.text.replace(this.rules.other.listReplaceTask,""),w.raw=w.raw.replace(this.rules.other.listReplaceTask,""),w.text=w.text.replace(this.rules.other.listReplaceTask,"");let E=this.lexer.inlineQueue;for(let x=p[f];x<E.length;x++)if(E[x].tokens===w.tokens){E[x].src=E[x].src.replace(this.rules.other.listReplaceTask,"");break}let C=this.rules.other.listTaskCheckbox.exec(y.raw);if(C){let x={type:"checkbox",raw:C[0]+" ",checked:C[0]!=="[ ]"};y.checked=x.checked,o.loose?y.tokens[0]&&["paragraph","text"].includes(y.tokens[0].type)&&"tokens"in y.tokens[0]&&y.tokens[0].tokens?(y.tokens[0].raw=x.raw+y.tokens[0].raw,y.tokens[0].text=x.raw+y.tokens[0].text,y.tokens[0].tokens.unshift(x)):y.tokens.unshift({type:"paragraph",raw:x.raw,text:x.raw,tokens:[x]}):y.tokens.unshift(x)}}else y.task&&(y.task=!1)}if(o.loose)for(let f of o.items){f.loose=!0;for(let y of f.tokens)y.type==="text"&&(y.type="paragraph")}return o}}html(i){let t=this.rules.block.html.exec(i);if(t){if(this.lexer.state.lastToken?.type==="paragraph"&&!this.rules.other.htmlBeginRegex(4).test(i))return;let e=to(t[0]);return{type:"html",block:!0,raw:e,pre:t[1]==="pre"||t[1]==="script"||t[1]==="style",text:e}}}def(i){let t=this.rules.block.def.exec(i);if(t){if(!this.rules.other.startAngleBracket.test(t[2])&&so(t[2],"()")!==-1)return;let e=Gs(t[1]),s=t[2]?t[2].replace(this.rules.other.hrefBrackets,"$1").replace(this.rules.inline.anyPunctuation,"$1"):"",n=t[3]?t[3].substring(1,t[3].length-1).replace(this.rules.inline.anyPunctuation,"$1"):t[3];return{type:"def",tag:e,raw:Ne(t[0],`
`),href:s,title:n}}}table(i){let t=this.rules.block.table.exec(i);if(!t||!this.rules.other.tableDelimiter.test(t[2]))return;let e=eo(t[1]),s=t[2].replace(this.rules.other.tableAlignChars,"").split("|"),n=t[3]?.trim()?t[3].replace(this.rules.other.tableRowBlankLine,"").split(`
`):[],r={type:"table",raw:Ne(t[0],`
`),header:[],align:[],rows:[]};if(e.length===s.length){for(let o of s)this.rules.other.tableAlignRight.test(o)?r.align.push("right"):this.rules.other.tableAlignCenter.test(o)?r.align.push("center"):this.rules.other.tableAlignLeft.test(o)?r.align.push("left"):r.align.push(null);for(let o=0;o<e.length;o++)r.header.push({text:e[o],tokens:this.lexer.inline(e[o]),header:!0,align:r.align[o]});for(let o of n)r.rows.push(eo(o,r.header.length).map((c,l)=>({text:c,tokens:this.lexer.inline(c),header:!1,align:r.align[l]})));return r}}lheading(i){let t=this.rules.block.lheading.exec(i);if(t){let e=t[1].trim();return{type:"heading",raw:Ne(t[0],`
`),depth:t[2].charAt(0)==="="?1:2,text:e,tokens:this.lexer.inline(e)}}}paragraph(i){let t=this.rules.block.paragraph.exec(i);if(t){let e=t[1].charAt(t[1].length-1)===`
`?t[1].slice(0,-1):t[1];return{type:"paragraph",raw:t[0],text:e,tokens:this.lexer.inline(e)}}}text(i){let t=this.rules.block.text.exec(i);if(t)return{type:"text",raw:t[0],text:t[0],tokens:this.lexer.inline(t[0])}}escape(i){if(i.charCodeAt(0)!==92)return;let t=this.rules.inline.escape.exec(i);if(t)return{type:"escape",raw:t[0],text:t[1]}}tag(i){if(i.charCodeAt(0)!==60)return;let t=this.rules.inline.tag.exec(i);if(t)return!this.lexer.state.inLink&&this.rules.other.startATag.test(t[0])?this.lexer.state.inLink=!0:this.lexer.state.inLink&&this.rules.other.endATag.test(t[0])&&(this.lexer.state.inLink=!1),!this.lexer.state.inRawBlock&&this.rules.other.startPreScriptTag.test(t[0])?this.lexer.state.inRawBlock=!0:this.lexer.state.inRawBlock&&this.rules.other.endPreScriptTag.test(t[0])&&(this.lexer.state.inRawBlock=!1),{type:"html",raw:t[0],inLink:this.lexer.state.inLink,inRawBlock:this.lexer.state.inRawBlock,block:!1,text:t[0]}}link(i){if(this.lexer.state.linkParenPossible===!1)return;let t=i.charCodeAt(0);if(t!==91&&t!==33)return;let e=this.rules.inline.link.exec(i);if(e){let s=e[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&no(i,e[1],s,this.rules))return;let n=e[2].trim();if(!this.options.pedantic&&this.rules.other.startAngleBracket.test(n)){if(!this.rules.other.endAngleBracket.test(n))return;let l=Ne(n.slice(0,-1),"\\");if((n.length-l.length)%2===0)return}else{let l=so(e[2],"()");if(l===-2)return;if(l>-1){let h=(e[0].indexOf("!")===0?5:4)+e[1].length+l;e[2]=e[2].substring(0,l),e[0]=e[0].substring(0,h).trim(),e[3]=""}}let r=Ne(e[0].slice(0,-1),"\\");if((e[0].length-r.length)%2===0)return;let o=e[2],c="";if(this.options.pedantic){let l=this.rules.other.pedanticHrefTitle.exec(o);l&&(o=l[1],c=l[3])}else c=e[3]?e[3].slice(1,-1):"";return o=o.trim(),this.rules.other.startAngleBracket.test(o)&&(this.options.pedantic&&!this.rules.other.endAngleBracket.test(n)?o=o.slice(1):o=o.slice(1,-1)),io(e,{href:o&&o.replace(this.rules.inline.anyPunctuation,"$1"),title:c&&c.replace(this.rules.inline.anyPunctuation,"$1")},e[0],this.lexer,this.rules)}}reflink(i,t){let e=i.charCodeAt(0);if(e!==91&&e!==33)return;let s;if((s=this.rules.inline.reflink.exec(i))||(s=this.rules.inline.nolink.exec(i))){let n=s[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&no(i,s[1],n,this.rules))return;let r=t[Gs(s[2]||s[1])];if(!r){let o=s[0].charAt(0);return{type:"text",raw:o,text:o}}return io(s,r,s[0],this.lexer,this.rules)}}emStrong(i,t,e=""){let s=this.rules.inline.emStrongLDelim.exec(i);if(!s||!s[1]&&!s[2]&&!s[3]&&!s[4])return;let n=s[0][0],r=e===n,o=t.length-i.length,c=o;for(;!this.options.pedantic&&c>0&&t[c-1]===n;)c--;let l=[...t.slice(Math.max(0,c-2),c)].at(-1)??"",h=l==="*"||l==="_"||!!this.rules.inline.punctuation.exec(l);c<o&&(e=l);let p=c<o?h:e==="*"||e==="_"||!!this.rules.inline.punctuation.exec(e);if(s[4]&&e.match(this.rules.other.unicodeAlphaNumeric))return;let f=s[1]||s[3]||"";if(!f||!e||p){let y=[...s[0]].length-1,w,E,C=y,x=0,I=o-c+y,ue=!this.options.pedantic&&!!l.trim()&&(!!f||n==="*"&&!h);if(n!=="*"&&n!=="_")return;let N=n==="*"?this.rules.inline.emStrongRDelimAst:this.rules.inline.emStrongRDelimUnd,me=mo(this,t,n),pe=t.length-i.length+y;if(me<pe)return;t=t.slice(-1*i.length+y);let Me=me-pe;for(N.lastIndex=0;(s=N.exec(t))!==null&&!(s.index>Me);){if(w=s[1]||s[2]||s[3]||s[4]||s[5]||s[6],!w)continue;if(E=[...w].length,s[3]||s[4]){C+=E;continue}else if((s[5]||s[6]||ue)&&I%3&&!((I+E)%3)){if(r&&(s[5]||s[6]))break;x+=E;continue}if(C-=E,C>0)continue;E=Math.min(E,E+C+x);let ee=[...s[0]][0].length,ae=i.slice(0,y+s.index+ee+E);if(Math.min(y,E)%2){let Ue=ae.slice(1,-1);return{type:"em",raw:ae,text:Ue,tokens:this.lexer.inlineTokens(Ue)}}let De=ae.slice(2,-2);return{type:"strong",raw:ae,text:De,tokens:this.lexer.inlineTokens(De)}}}}codespan(i){if(i.charCodeAt(0)!==96)return;let t=this.rules.inline.code.exec(i);if(t){let e=t[2].replace(this.rules.other.newLineCharGlobal," "),s=this.rules.other.nonSpaceChar.test(e),n=this.rules.other.startingSpaceChar.test(e)&&this.rules.other.endingSpaceChar.test(e);return s&&n&&(e=e.substring(1,e.length-1)),{type:"codespan",raw:t[0],text:e}}}br(i){let t=i.charCodeAt(0);if(t!==32&&t!==92&&t!==10)return;let e=this.rules.inline.br.exec(i);if(e)return{type:"br",raw:e[0]}}del(i,t,e=""){if(i.charCodeAt(0)!==126)return;let s=this.rules.inline.delLDelim.exec(i);if(s&&(!s[1]||!e||this.rules.inline.punctuation.exec(e))){let n=[...s[0]].length-1,r,o,c=n,l=this.rules.inline.delRDelim,h=bo(this,t),p=t.length-i.length+n;if(h<p)return;t=t.slice(-1*i.length+n);let f=h-p;for(l.lastIndex=0;(s=l.exec(t))!==null&&!(s.index>f);){if(r=s[1]||s[2]||s[3]||s[4]||s[5]||s[6],!r||(o=[...r].length,o!==n))continue;if(s[3]||s[4]){c+=o;continue}if(c-=o,c>0)continue;o=Math.min(o,o+c);let y=[...s[0]][0].length,w=i.slice(0,n+s.index+y+o),E=w.slice(n,-n);return{type:"del",raw:w,text:E,tokens:this.lexer.inlineTokens(E)}}}}autolink(i){if(i.charCodeAt(0)!==60)return;let t=this.rules.inline.autolink.exec(i);if(t){let e,s;return t[2]==="@"?(e=t[1],s="mailto:"+e):(e=t[1],s=e),{type:"link",raw:t[0],text:e,href:s,autolink:!0,tokens:[{type:"text",raw:e,text:e}]}}}url(i){let t;if(t=this.rules.inline.url.exec(i)){let e,s;if(t[2]==="@")e=t[0],s="mailto:"+e;else{let n;do n=t[0],t[0]=this.rules.inline._backpedal.exec(t[0])?.[0]??"";while(n!==t[0]);e=t[0],t[1]==="www."?s="http://"+t[0]:s=t[0]}return{type:"link",raw:t[0],text:e,href:s,autolink:!0,tokens:[{type:"text",raw:e,text:e}]}}}inlineText(i){let t=this.rules.inline.text.exec(i);if(t){let e=this.lexer.state.inRawBlock;return{type:"text",raw:t[0],text:e?t[0]:$c(t[0]),escaped:e}}}},ve=class Yi{tokens;options;state;inlineQueue;tokenizer;constructor(t){this.tokens=[],this.tokens.links=Object.create(null),this.options=t||dt,this.options.tokenizer=this.options.tokenizer||new pt,this.tokenizer=this.options.tokenizer,this.tokenizer.options=this.options,this.tokenizer.lexer=this,this.inlineQueue=[],this.state={inLink:!1,inRawBlock:!1,linkEmitted:!1,linkParenPossible:!0,top:!0};let e={other:V,block:qs.normal,inline:Qt.normal};this.options.pedantic?(e.block=qs.pedantic,e.inline=Qt.pedantic):this.options.gfm&&(e.block=qs.gfm,this.options.breaks?e.inline=Qt.breaks:e.inline=Qt.gfm),this.tokenizer.rules=e}static get rules(){return{block:qs,inline:Qt}}static lex(t,e){return new Yi(e).lex(t)}static lexInline(t,e){return new Yi(e).inlineTokens(t)}lex(t){t=t.replace(V.carriageReturn,`
`),this.blockTokens(t,this.tokens);for(let e=0;e<this.inlineQueue.length;e++){let s=this.inlineQueue[e];this.state.inRawBlock=!1,this.inlineTokens(s.src,s.tokens)}return this.inlineQueue=[],this.tokens}blockTokens(t,e=[],s=!1){this.tokenizer.lexer=this;let n=this.state.lastToken;this.options.pedantic&&(t=t.replace(V.tabCharGlobal,"    ").replace(V.spaceLine,""));let r=1/0,o,c=this.options.gfm&&!this.options.pedantic&&this.tokenizer.paragraph===pt.prototype.paragraph;for(;t;){if(t.length<r)r=t.length;else{this.infiniteLoopError(t.charCodeAt(0));break}this.state.lastToken=e.at(-1);let l;if(this.options.extensions?.block?.some(p=>(l=p.call({lexer:this},t,e))?(t=t.substring(l.raw.length),e.push(l),!0):!1))continue;if(l=this.tokenizer.space(t)){t=t.substring(l.raw.length);let p=e.at(-1);l.raw.length===1&&p!==void 0?p.raw+=`
`:e.push(l);continue}if(l=this.tokenizer.code(t)){t=t.substring(l.raw.length);let p=e.at(-1);p?.type==="paragraph"||p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.text,this.inlineQueue.at(-1).src=p.text):e.push(l);continue}if(l=this.tokenizer.fences(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.heading(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.hr(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.blockquote(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.list(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.html(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.def(t)){t=t.substring(l.raw.length);let p=e.at(-1);p?.type==="paragraph"||p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.raw,this.inlineQueue.at(-1).src=p.text):(this.tokens.links[l.tag]||(this.tokens.links[l.tag]={href:l.href,title:l.title}),e.push(l));continue}if(l=this.tokenizer.table(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.lheading(t)){t=t.substring(l.raw.length),e.push(l);continue}let h=t;if(this.options.extensions?.startBlock){let p=1/0,f=t.slice(1),y;this.options.extensions.startBlock.forEach(w=>{y=w.call({lexer:this},f),typeof y=="number"&&y>=0&&(p=Math.min(p,y))}),p<1/0&&p>=0&&(h=t.substring(0,p+1))}if(this.state.top&&(l=this.tokenizer.paragraph(h))){let p=e.at(-1);(s||p===o&&c)&&p?.type==="paragraph"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=p.text,o=p):(e.push(l),o=l),s=h.length!==t.length,t=t.substring(l.raw.length);continue}if(l=this.tokenizer.text(t)){t=t.substring(l.raw.length);let p=e.at(-1);p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=p.text):e.push(l);continue}if(t){this.infiniteLoopError(t.charCodeAt(0));break}}return this.state.top=!0,this.state.lastToken=n,e}inline(t,e=[]){return this.inlineQueue.push({src:t,tokens:e}),e}linkInText(t){if(!t.includes("["))return!1;let e=this.tokenizer.rules.inline.link;for(let s of t.matchAll(this.tokenizer.rules.inline.blockSkip))if(e.test(s[0])&&t.charAt(s.index-1)!=="!")return!0;for(let s of t.matchAll(this.tokenizer.rules.inline.reflinkSearch)){let n=s[0],r=n.lastIndexOf("[");if(!(n.charAt(0)==="!"||!Object.hasOwn(this.tokens.links,Gs(n.slice(r+1,-1))))&&!(r>1&&this.linkInText(n.slice(1,r-1))))return!0}return!1}inlineTokens(t,e=[]){this.tokenizer.lexer=this;let s=this.state.linkParenPossible;this.state.linkParenPossible=t.includes(")");try{return this.#t(t,e)}finally{this.state.linkParenPossible=s}}#t(t,e){let s=t.includes("*")||t.includes("_")||t.includes("~"),n=s||this.options.hooks?.emStrongMask||this.tokenizer.emStrong!==pt.prototype.emStrong||this.tokenizer.del!==pt.prototype.del?this.#i(t):t;if(!s)return this.#e(t,n,e);vc(this.tokenizer,n);try{return this.#e(t,n,e)}finally{wc(this.tokenizer)}}#e(t,e,s){let n=!1,r="",o=1/0;for(;t;){if(t.length<o)o=t.length;else{this.infiniteLoopError(t.charCodeAt(0));break}n||(r=""),n=!1;let c;if(this.options.extensions?.inline?.some(p=>(c=p.call({lexer:this},t,s))?(t=t.substring(c.raw.length),s.push(c),!0):!1))continue;if(c=this.tokenizer.escape(t)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.tag(t)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.link(t)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.reflink(t,this.tokens.links)){t=t.substring(c.raw.length);let p=s.at(-1);c.type==="text"&&p?.type==="text"?(p.raw+=c.raw,p.text+=c.text):s.push(c);continue}let l=t[0];if(l==="*"||l==="_"){let p=e.length-t.length;if(mo(this.tokenizer,e,l)<=p){let f=1;for(;f<t.length&&t.charCodeAt(f)===l.charCodeAt(0);)f++;let y=t.substring(0,f),w=s.at(-1);w?.type==="text"&&!w.escaped?(w.raw+=y,w.text+=y):s.push({type:"text",raw:y,text:y,escaped:!1}),t=t.substring(f),r=l,n=!0;continue}}else if(l==="~"){let p=e.length-t.length;if(bo(this.tokenizer,e)<=p){let f=1;for(;f<t.length&&t.charCodeAt(f)===126;)f++;let y=t.substring(0,f),w=s.at(-1);w?.type==="text"&&!w.escaped?(w.raw+=y,w.text+=y):s.push({type:"text",raw:y,text:y,escaped:!1}),t=t.substring(f),r=l,n=!0;continue}}if(c=this.tokenizer.emStrong(t,e,r)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.codespan(t)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.br(t)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.del(t,e,r)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.autolink(t)){t=t.substring(c.raw.length),s.push(c);continue}if(!this.state.inLink&&(c=this.tokenizer.url(t))){t=t.substring(c.raw.length),s.push(c);continue}let h=t;if(this.options.extensions?.startInline){let p=1/0,f=t.slice(1),y;this.options.extensions.startInline.forEach(w=>{y=w.call({lexer:this},f),typeof y=="number"&&y>=0&&(p=Math.min(p,y))}),p<1/0&&p>=0&&(h=t.substring(0,p+1))}if(c=this.tokenizer.inlineText(h)){t=t.substring(c.raw.length),c.raw.slice(-1)!=="_"&&(r=c.raw.slice(-1)),n=!0;let p=s.at(-1);p?.type==="text"?(p.raw+=c.raw,p.text+=c.text):s.push(c);continue}if(t){this.infiniteLoopError(t.charCodeAt(0));break}}return s}#s(t){let{blockSkip:e,tag:s,autolink:n}=this.tokenizer.rules.inline,r="",o=0,c;for(e.lastIndex=0;c=e.exec(t);){let l=c.index+(c[2]?c[2].length:0),h=c.index+c[0].length;if(t.charAt(l)==="<"){let p=t.slice(l),f=s.exec(p)||n.exec(p);if(!f){e.lastIndex=l+1;continue}h=l+f[0].length,e.lastIndex=h}r+=t.slice(o,l)+"["+"a".repeat(h-l-2)+"]",o=h}return r+t.slice(o)}#i(t){let e=t;if(this.tokens.links&&t.includes("[")){let s=this.tokenizer.rules.inline.reflinkSearch,n=r=>{let o=r.lastIndexOf("[");if(!Object.hasOwn(this.tokens.links,Gs(r.slice(o+1,-1))))return r;if(o>1&&r.charAt(0)!=="!"){let c=r.slice(1,o-1);if(this.linkInText(c))return"["+c.replace(s,n)+"]["+"a".repeat(r.length-o-2)+"]"}return"["+"a".repeat(r.length-2)+"]"};e=e.replace(s,n)}return e=e.replace(this.tokenizer.rules.inline.anyPunctuationOutsideCode,(s,n,r)=>r?"+".repeat(s.length):n?n+s.slice(n.length,-n.length).replace(/`/g,"+")+n:s),e=this.#s(e),e=this.options.hooks?.emStrongMask?.call({lexer:this},e)??e,e}infiniteLoopError(t){let e="Infinite loop on byte: "+t;if(this.options.silent)console.error(e);else throw new Error(e)}},Vs=class{options;parser;constructor(i){this.options=i||dt}space(i){return""}code({text:i,lang:t,escaped:e}){let s=(t||"").match(V.notSpaceStart)?.[0],n=i?i.replace(V.endingNewline,"")+`
`:"";return s?'<pre><code class="language-'+fe(s)+'">'+(e?n:fe(n,!0))+`</code></pre>
`:"<pre><code>"+(e?n:fe(n,!0))+`</code></pre>
`}blockquote({tokens:i}){return`<blockquote>
${this.parser.parse(i)}</blockquote>
`}html({text:i}){return i}def(i){return""}heading({tokens:i,depth:t}){return`<h${t}>${this.parser.parseInline(i)}</h${t}>
`}hr(i){return`<hr>
`}list(i){let t=i.ordered,e=i.start,s="";for(let o=0;o<i.items.length;o++){let c=i.items[o];s+=this.listitem(c)}let n=t?"ol":"ul",r=t&&e!==1?' start="'+e+'"':"";return"<"+n+r+`>
`+s+"</"+n+`>
`}listitem(i){return`<li>${this.parser.parse(i.tokens)}</li>
`}checkbox({checked:i}){return"<input "+(i?'checked="" ':"")+'disabled="" type="checkbox"> '}paragraph({tokens:i}){return`<p>${this.parser.parseInline(i)}</p>
`}table(i){let t="",e="";for(let n=0;n<i.header.length;n++)e+=this.tablecell(i.header[n]);t+=this.tablerow({text:e});let s="";for(let n=0;n<i.rows.length;n++){let r=i.rows[n];e="";for(let o=0;o<r.length;o++)e+=this.tablecell(r[o]);s+=this.tablerow({text:e})}return s&&(s=`<tbody>${s}</tbody>`),`<table>
<thead>
`+t+`</thead>
`+s+`</table>
`}tablerow({text:i}){return`<tr>
${i}</tr>
`}tablecell(i){let t=this.parser.parseInline(i.tokens),e=i.header?"th":"td";return(i.align?`<${e} align="${i.align}">`:`<${e}>`)+t+`</${e}>
`}strong({tokens:i}){return`<strong>${this.parser.parseInline(i)}</strong>`}em({tokens:i}){return`<em>${this.parser.parseInline(i)}</em>`}codespan({text:i}){return`<code>${fe(i,!0)}</code>`}br(i){return"<br>"}del({tokens:i}){return`<del>${this.parser.parseInline(i)}</del>`}link({href:i,title:t,text:e,tokens:s,autolink:n}){let r=n?fe(e,!0):this.parser.parseInline(s),o=Jr(i);if(o===null)return r;i=fe(o,n);let c='<a href="'+i+'"';return t&&(c+=' title="'+fe(t)+'"'),c+=">"+r+"</a>",c}image({href:i,title:t,text:e,tokens:s}){s&&(e=this.parser.parseInline(s,this.parser.textRenderer));let n=Jr(i);if(n===null)return fe(e);i=n;let r=`<img src="${fe(i)}" alt="${fe(e)}"`;return t&&(r+=` title="${fe(t)}"`),r+=">",r}text(i){return"tokens"in i&&i.tokens?this.parser.parseInline(i.tokens):"escaped"in i&&i.escaped?i.text:fe(i.text)}},on=class{parser;strong({text:i,tokens:t}){return t?this.parser.parseInline(t,this):i}em({text:i,tokens:t}){return t?this.parser.parseInline(t,this):i}codespan({text:i}){return i}del({text:i,tokens:t}){return t?this.parser.parseInline(t,this):i}html({text:i}){return i}text({text:i}){return i}link({text:i,tokens:t}){return t?this.parser.parseInline(t,this):i}image({text:i,tokens:t}){return t?this.parser.parseInline(t,this):i}br(){return`
`}checkbox({raw:i}){return i}},we=class Ki{options;renderer;textRenderer;constructor(t){this.options=t||dt,this.options.renderer=this.options.renderer||new Vs,this.renderer=this.options.renderer,this.renderer.options=this.options,this.renderer.parser=this,this.textRenderer=new on,this.textRenderer.parser=this}static parse(t,e){return new Ki(e).parse(t)}static parseInline(t,e){return new Ki(e).parseInline(t)}parse(t){this.renderer.parser=this;let e="";for(let s=0;s<t.length;s++){let n=t[s];if(this.options.extensions?.renderers?.[n.type]){let o=n,c=this.options.extensions.renderers[o.type].call({parser:this},o);if(c!==!1||!["space","hr","heading","code","table","blockquote","list","checkbox","html","def","paragraph","text"].includes(o.type)){e+=c===!1?"":c??"";continue}}let r=n;switch(r.type){case"space":{e+=this.renderer.space(r);break}case"hr":{e+=this.renderer.hr(r);break}case"heading":{e+=this.renderer.heading(r);break}case"code":{e+=this.renderer.code(r);break}case"table":{e+=this.renderer.table(r);break}case"blockquote":{e+=this.renderer.blockquote(r);break}case"list":{e+=this.renderer.list(r);break}case"checkbox":{e+=this.renderer.checkbox(r);break}case"html":{e+=this.renderer.html(r);break}case"def":{e+=this.renderer.def(r);break}case"paragraph":{e+=this.renderer.paragraph(r);break}case"text":{e+=this.renderer.text(r);break}default:{let o='Token with "'+r.type+'" type was not found.';if(this.options.silent)return console.error(o),"";throw new Error(o)}}}return e}parseInline(t,e=this.renderer){this.renderer.parser=this;let s="";for(let n=0;n<t.length;n++){let r=t[n];if(this.options.extensions?.renderers?.[r.type]){let c=this.options.extensions.renderers[r.type].call({parser:this},r);if(c!==!1||!["escape","html","link","image","checkbox","strong","em","codespan","br","del","text"].includes(r.type)){s+=c===!1?"":c??"";continue}}let o=r;switch(o.type){case"escape":{s+=e.text(o);break}case"html":{s+=e.html(o);break}case"link":{s+=e.link(o);break}case"image":{s+=e.image(o);break}case"checkbox":{s+=e.checkbox(o);break}case"strong":{s+=e.strong(o);break}case"em":{s+=e.em(o);break}case"codespan":{s+=e.codespan(o);break}case"br":{s+=e.br(o);break}case"del":{s+=e.del(o);break}case"text":{s+=e.text(o);break}default:{let c='Token with "'+o.type+'" type was not found.';if(this.options.silent)return console.error(c),"";throw new Error(c)}}}return s}},Jt=class{options;block;constructor(i){this.options=i||dt}static passThroughHooks=new Set(["preprocess","postprocess","processAllTokens","emStrongMask"]);static passThroughHooksRespectAsync=new Set(["preprocess","postprocess","processAllTokens"]);preprocess(i){return i}postprocess(i){return i}processAllTokens(i){return i}emStrongMask(i){return i}provideLexer(i=this.block){return i?ve.lex:ve.lexInline}provideParser(i=this.block){return i?we.parse:we.parseInline}};function Ye(i,t){if(Array.isArray(t))for(let e=0;e<t.length;e++)i.push(t[e]);else i.push(t)}var Ec=class{defaults=Zi();options=this.setOptions;parse=this.parseMarkdown(!0);parseInline=this.parseMarkdown(!1);Parser=we;Renderer=Vs;TextRenderer=on;Lexer=ve;Tokenizer=pt;Hooks=Jt;constructor(...i){this.use(...i)}walkTokens(i,t){let e=[];for(let s of i)switch(Ye(e,t.call(this,s)),s.type){case"table":{let n=s;for(let r of n.header)Ye(e,this.walkTokens(r.tokens,t));for(let r of n.rows)for(let o of r)Ye(e,this.walkTokens(o.tokens,t));break}case"list":{let n=s;Ye(e,this.walkTokens(n.items,t));break}default:{let n=s;this.defaults.extensions?.childTokens?.[n.type]?this.defaults.extensions.childTokens[n.type].forEach(r=>{let o=n[r].flat(1/0);Ye(e,this.walkTokens(o,t))}):n.tokens&&Ye(e,this.walkTokens(n.tokens,t))}}return e}use(...i){let t=this.defaults.extensions||{renderers:Object.create(null),childTokens:Object.create(null)};return i.forEach(e=>{let s={...e};if(s.async=this.defaults.async||s.async||!1,e.extensions&&(e.extensions.forEach(n=>{if(!n.name)throw new Error("extension name required");if("renderer"in n){let r=t.renderers[n.name];r?t.renderers[n.name]=function(...o){let c=n.renderer.apply(this,o);return c===!1&&(c=r.apply(this,o)),c}:t.renderers[n.name]=n.renderer}if("tokenizer"in n){if(!n.level||n.level!=="block"&&n.level!=="inline")throw new Error("extension level must be 'block' or 'inline'");let r=t[n.level];r?r.unshift(n.tokenizer):t[n.level]=[n.tokenizer],n.start&&(n.level==="block"?t.startBlock?t.startBlock.push(n.start):t.startBlock=[n.start]:n.level==="inline"&&(t.startInline?t.startInline.push(n.start):t.startInline=[n.start]))}"childTokens"in n&&n.childTokens&&(t.childTokens[n.name]=n.childTokens)}),s.extensions=t),e.renderer){let n=this.defaults.renderer||new Vs(this.defaults);for(let r in e.renderer){if(!(r in n))throw new Error(`renderer '${r}' does not exist`);if(["options","parser"].includes(r))continue;let o=r,c=e.renderer[o],l=n[o];n[o]=(...h)=>{let p=c.apply(n,h);return p===!1&&(p=l.apply(n,h)),p===!1?"":p??""}}s.renderer=n}if(e.tokenizer){let n=this.defaults.tokenizer||new pt(this.defaults);for(let r in e.tokenizer){if(!(r in n))throw new Error(`tokenizer '${r}' does not exist`);if(["options","rules","lexer"].includes(r))continue;let o=r,c=e.tokenizer[o],l=n[o];n[o]=(...h)=>{let p=c.apply(n,h);return p===!1&&(p=l.apply(n,h)),p}}s.tokenizer=n}if(e.hooks){let n=this.defaults.hooks||new Jt;for(let r in e.hooks){if(!(r in n))throw new Error(`hook '${r}' does not exist`);if(["options","block"].includes(r))continue;let o=r,c=e.hooks[o],l=n[o];Jt.passThroughHooks.has(r)?n[o]=h=>{if(n.options.async&&Jt.passThroughHooksRespectAsync.has(r))return(async()=>{let f=await c.call(n,h);return l.call(n,f)})();let p=c.call(n,h);return l.call(n,p)}:n[o]=(...h)=>{if(n.options.async)return(async()=>{let f=await c.apply(n,h);return f===!1&&(f=await l.apply(n,h)),f})();let p=c.apply(n,h);return p===!1&&(p=l.apply(n,h)),p}}s.hooks=n}if(e.walkTokens){let n=this.defaults.walkTokens,r=e.walkTokens;s.walkTokens=function(o){let c=[];return Ye(c,r.call(this,o)),n&&Ye(c,n.call(this,o)),c}}this.defaults={...this.defaults,...s}}),this}setOptions(i){return this.defaults={...this.defaults,...i},this}lexer(i,t){return ve.lex(i,t??this.defaults)}parser(i,t){return we.parse(i,t??this.defaults)}parseMarkdown(i){return(t,e)=>{let s={...e},n={...this.defaults,...s},r=this.onError(!!n.silent,!!n.async);if(this.defaults.async===!0&&s.async===!1)return r(new Error("marked(): The async option was set to true by an extension. Remove async: false from the parse options object to return a Promise."));if(typeof t>"u"||t===null)return r(new Error("marked(): input parameter is undefined or null"));if(typeof t!="string")return r(new Error("marked(): input parameter is of type "+Object.prototype.toString.call(t)+", string expected"));if(n.hooks&&(n.hooks.options=n,n.hooks.block=i),n.async)return(async()=>{let o=n.hooks?await n.hooks.preprocess(t):t,c=await(n.hooks?await n.hooks.provideLexer(i):i?ve.lex:ve.lexInline)(o,n),l=n.hooks?await n.hooks.processAllTokens(c):c;n.walkTokens&&await Promise.all(this.walkTokens(l,n.walkTokens));let h=await(n.hooks?await n.hooks.provideParser(i):i?we.parse:we.parseInline)(l,n);return n.hooks?await n.hooks.postprocess(h):h})().catch(r);try{n.hooks&&(t=n.hooks.preprocess(t));let o=(n.hooks?n.hooks.provideLexer(i):i?ve.lex:ve.lexInline)(t,n);n.hooks&&(o=n.hooks.processAllTokens(o)),n.walkTokens&&this.walkTokens(o,n.walkTokens);let c=(n.hooks?n.hooks.provideParser(i):i?we.parse:we.parseInline)(o,n);return n.hooks&&(c=n.hooks.postprocess(c)),c}catch(o){return r(o)}}}onError(i,t){return e=>{if(e.message+=`
Please report this to https://github.com/markedjs/marked.`,i){let s="<p>An error occurred:</p><pre>"+fe(e.message+"",!0)+"</pre>";return t?Promise.resolve(s):s}if(t)return Promise.reject(e);throw e}}},ht=new Ec;function P(i,t){return ht.parse(i,t)}P.options=P.setOptions=function(i){return ht.setOptions(i),P.defaults=ht.defaults,ro(P.defaults),P};P.getDefaults=Zi;P.defaults=dt;function Tc(...i){return ht.use(...i),P.defaults=ht.defaults,ro(P.defaults),P}P.use=Tc;P.walkTokens=function(i,t){return ht.walkTokens(i,t)};P.parseInline=ht.parseInline;P.Parser=we;P.parser=we.parse;P.Renderer=Vs;P.TextRenderer=on;P.Lexer=ve;P.lexer=ve.lex;P.Tokenizer=pt;P.Hooks=Jt;P.parse=P;var Wp=P.options,Gp=P.setOptions,Vp=P.walkTokens,Yp=P.parseInline;var Kp=we.parse,Zp=ve.lex;var xc=["p","br","strong","em","del","code","pre","blockquote","ul","ol","li","h1","h2","h3","h4","h5","h6","a","hr","table","thead","tbody","tr","th","td"];function Ct(i){let t=P.parse(i,{async:!1,gfm:!0,breaks:!0});return Yr.sanitize(t,{ALLOWED_TAGS:xc,ALLOWED_ATTR:["href","title"],ALLOWED_URI_REGEXP:/^(?:https?:|mailto:|#)/i})}var Sc=0,B=class extends j{constructor(){super(...arguments);this.serverErrors=[];this.scopes=[];this.tagSuggestions=[];this.storage=null;this.busy=!1;this.heading="New note";this.submitLabel="Save note";this.allowFollowUp=!1;this.findAgents=null;this.knownAgents=[];this.errors=[];this.preview=!1;this.draftFields=null;this.tagText="";this.agents=new qe(this,()=>this.findAgents);this.openedAt=null;this.uid=`f${++Sc}`}connectedCallback(){super.connectedCallback();let e=this.storage?.loadDraft();e&&(this.draftFields=e.fields,this.openedAt=e.openedAt)}willUpdate(e){e.has("initial")&&this.initial&&(this.fields={...this.initial,...this.draftFields},this.draftFields=null),e.has("serverErrors")&&(this.errors=[...Ps(this.fields),...this.serverErrors])}reset(e){this.fields=e,this.openedAt=null,this.errors=[],this.preview=!1,this.tagText="",this.storage?.saveDraft(null)}open(){this.openedAt===null&&(this.openedAt=Date.now(),this.persist())}persist(){this.storage?.saveDraft({fields:this.fields,openedAt:this.openedAt})}change(e,s){this.open(),this.fields={...this.fields,[e]:s};let n=Ps(this.fields);this.errors=[...this.errors.filter(r=>r.code!=="TOO_LONG"||r.field!==e),...n.filter(r=>r.field===e)],this.persist()}addTag(){let e=Be(`${this.fields.tags},${this.tagText}`);this.tagText="",this.change("tags",e.join(", "))}removeTag(e){this.change("tags",Be(this.fields.tags).filter(s=>s!==e).join(", "))}onTagKey(e){(e.key==="Enter"||e.key===",")&&!e.ctrlKey&&!e.metaKey&&(e.preventDefault(),this.tagText.trim()&&this.addTag())}onKey(e){e.key==="Enter"&&(e.ctrlKey||e.metaKey)&&(e.preventDefault(),this.submit())}submit(){if(this.busy)return;this.tagText.trim()&&this.addTag();let e=Ps(this.fields);if(this.fields.followUp&&!this.fields.dueAt&&e.push({field:"followUp.dueAt",code:"REQUIRED",message:"Choose a due date."}),this.fields.scope||e.push({field:"scope",code:"REQUIRED",message:"Choose a visibility."}),e.length){this.errors=e,this.focusFirstError();return}let s=this.openedAt===null?null:Math.max(0,Date.now()-this.openedAt);this.dispatchEvent(new CustomEvent("note-submit",{detail:{fields:this.fields,creationMs:s},bubbles:!0,composed:!0}))}async focusFirstError(){await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){let e=this.fields,s=c=>`${this.uid}-${c}`,n=c=>Tt(this.errors,c),r=this.errors.filter(c=>!["subject","body","category","type","scope","importance","tags"].includes(c.field??"")&&!(c.field??"").startsWith("followUp")),o=Be(e.tags);return m`
      <form
        aria-label=${this.heading}
        aria-busy=${this.busy?"true":"false"}
        @keydown=${this.onKey}
        @focusin=${()=>this.open()}
        @submit=${c=>{c.preventDefault(),this.submit()}}
      >
        ${this.textInput(s("subject"),"Subject","subject",n("subject"))}
        <label for=${s("body")}>Note (markdown)</label>
        <textarea
          id=${s("body")}
          .value=${e.body}
          aria-invalid=${n("body")?"true":"false"}
          aria-describedby=${n("body")?`${s("body")}-error`:`${s("body")}-hint`}
          @input=${c=>this.change("body",c.target.value)}
        ></textarea>
        ${n("body")?te(s("body"),n("body")):m`<p class="hint" id="${s("body")}-hint">
              Up to ${1e5.toLocaleString("en")} characters. Ctrl+Enter saves.
            </p>`}
        <div class="actions">
          <button
            type="button"
            aria-pressed=${this.preview?"true":"false"}
            @click=${()=>this.preview=!this.preview}
          >
            Preview
          </button>
        </div>
        ${this.preview?m`<section class="markdown" aria-label="Preview">
              ${_t(Ct(e.body))}
            </section>`:v}
        <div class="row">
          <div>
            ${We(s("category"),"Category",e.category,Cs,c=>this.change("category",c),n("category"))}
          </div>
          <div>
            ${We(s("type"),"Type",e.type,Os,c=>this.change("type",c),n("type"))}
          </div>
        </div>
        <div class="row">
          <div>
            ${We(s("scope"),"Visibility",e.scope,this.scopes,c=>this.change("scope",c),n("scope"))}
          </div>
          <div>
            ${We(s("importance"),"Importance",e.importance,br,c=>this.change("importance",c),n("importance"))}
          </div>
        </div>
        <label for=${s("tag")}>Tags</label>
        <ul class="chips" aria-label="Tags on this note">
          ${o.map(c=>m`<li>
              ${c}
              <button type="button" aria-label="Remove tag ${c}" @click=${()=>this.removeTag(c)}>
                ×
              </button>
            </li>`)}
        </ul>
        <div class="row">
          <input
            id=${s("tag")}
            type="text"
            list=${s("tag-options")}
            autocomplete="off"
            .value=${this.tagText}
            aria-invalid=${n("tags")?"true":"false"}
            aria-describedby=${n("tags")?`${s("tag")}-error`:v}
            @input=${c=>this.tagText=c.target.value}
            @keydown=${this.onTagKey}
          />
          <button type="button" class="fit" @click=${()=>this.addTag()}>Add</button>
        </div>
        <datalist id=${s("tag-options")}>
          ${this.tagSuggestions.filter(c=>!o.includes(c)).map(c=>m`<option value=${c}></option>`)}
        </datalist>
        ${te(s("tag"),n("tags"))}
        <label class="check">
          <input
            type="checkbox"
            .checked=${e.pinned}
            @change=${c=>this.change("pinned",c.target.checked)}
          />
          Pin this note
        </label>
        ${this.allowFollowUp?this.followUp(s,n):v}
        ${r.map(c=>m`<p class="error" role="alert">${c.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
          <slot name="actions"></slot>
          ${this.busy?m`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`:v}
        </div>
      </form>
    `}textInput(e,s,n,r){return m`
      <label for=${e}>${s}</label>
      <input
        id=${e}
        type="text"
        .value=${this.fields[n]}
        aria-invalid=${r?"true":"false"}
        aria-describedby=${r?`${e}-error`:v}
        @input=${o=>this.change(n,o.target.value)}
      />
      ${te(e,r)}
    `}followUp(e,s){let n=this.fields;return m`
      <label class="check">
        <input
          type="checkbox"
          .checked=${n.followUp}
          @change=${r=>{let o=r.target.checked;this.change("followUp",o),o&&!this.agents.found.length&&this.agents.search(this.agents.query)}}
        />
        Add a follow-up
      </label>
      ${n.followUp?m`<fieldset>
            <legend>Follow-up</legend>
            <label for=${e("assignee-find")}>Find assignee</label>
            <input
              id=${e("assignee-find")}
              type="search"
              autocomplete="off"
              aria-describedby=${e("assignee-found")}
              .value=${this.agents.query}
              @input=${r=>this.agents.search(r.target.value)}
            />
            <span id=${e("assignee-found")} class="hint" role="status">${this.agents.status}</span>
            <label for=${e("assignee")}>Assignee</label>
            <select
              id=${e("assignee")}
              aria-invalid=${s("followUp.assigneeId")?"true":"false"}
              aria-describedby=${s("followUp.assigneeId")?`${e("assignee")}-error`:v}
              @change=${r=>this.change("assigneeId",r.target.value)}
            >
              ${this.agents.choices(n.assigneeId,this.knownAgents).map(r=>m`<option value=${r.agentId} ?selected=${r.agentId===n.assigneeId}>
                  ${r.name}${r.agentId===this.knownAgents[0]?.agentId?" (me)":""}
                </option>`)}
            </select>
            ${te(e("assignee"),s("followUp.assigneeId"))}
            <label for=${e("due")}>Due</label>
            <input
              id=${e("due")}
              type="datetime-local"
              .value=${n.dueAt}
              aria-invalid=${s("followUp.dueAt")?"true":"false"}
              aria-describedby=${s("followUp.dueAt")?`${e("due")}-error`:v}
              @input=${r=>this.change("dueAt",r.target.value)}
            />
            ${te(e("due"),s("followUp.dueAt"))}
            <label for=${e("instructions")}>Instructions</label>
            <input
              id=${e("instructions")}
              type="text"
              .value=${n.instructions}
              @input=${r=>this.change("instructions",r.target.value)}
            />
          </fieldset>`:v}
    `}};B.styles=ce,g([_({attribute:!1})],B.prototype,"initial",2),g([_({attribute:!1})],B.prototype,"serverErrors",2),g([_({attribute:!1})],B.prototype,"scopes",2),g([_({attribute:!1})],B.prototype,"tagSuggestions",2),g([_({attribute:!1})],B.prototype,"storage",2),g([_({type:Boolean})],B.prototype,"busy",2),g([_()],B.prototype,"heading",2),g([_()],B.prototype,"submitLabel",2),g([_({type:Boolean})],B.prototype,"allowFollowUp",2),g([_({attribute:!1})],B.prototype,"findAgents",2),g([_({attribute:!1})],B.prototype,"knownAgents",2),g([k()],B.prototype,"fields",2),g([k()],B.prototype,"errors",2),g([k()],B.prototype,"preview",2),g([k()],B.prototype,"tagText",2),B=g([le("c360-note-form")],B);var Rc={amp:"&",lt:"<",gt:">",quot:'"',apos:"'"};function Ic(i){return i.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi,(t,e)=>{let s=e.toLowerCase();if(s.startsWith("#")){let n=s.startsWith("#x")?parseInt(s.slice(2),16):parseInt(s.slice(1),10);return n>0&&n<=1114111?String.fromCodePoint(n):t}return Rc[s]??t})}function Cc(i){let t=[],e=!1;for(let s of i.split(/(<\/?em>)/i)){let n=s.toLowerCase();n==="<em>"||n==="</em>"?e=n==="<em>":s&&t.push({text:Ic(s),marked:e})}return t}function yo(i){return m`${Cc(i).map(t=>t.marked?m`<em>${t.text}</em>`:t.text)}`}function $o(i){return i?[...i.subject,...i.body]:[]}function vo(i,t){let e={};for(let n of["subject","body","category","type","scope","importance"])t[n]!==i[n]&&(e[n]=t[n]);t.pinned!==i.pinned&&(e.pinned=t.pinned);let s=Be(t.tags);return s.join(`
`)!==i.tags.join(`
`)&&(e.tags=s),e}var wo=i=>`${new Date(i).toISOString().slice(0,16).replace("T"," ")} UTC`,Z=class extends j{constructor(){super(...arguments);this.scopes=[];this.tagSuggestions=[];this.canEdit=!1;this.canDelete=!1;this.mode="view";this.busy=!1;this.errors=[];this.history=[];this.mine=null;this.editing=null;this.theirs=null;this.message=""}willUpdate(e){let s=e.get("note");s&&s.id!==this.note.id&&(this.mode="view",this.history=[],this.errors=[],this.message="",this.mine=null,this.theirs=null,this.editing=null)}emit(e,s={}){this.dispatchEvent(new CustomEvent(e,{detail:s,bubbles:!0,composed:!0}))}async run(e){this.busy=!0,this.message="";try{return await e()}catch(s){s instanceof G&&this.emit("auth-needed"),this.message=s instanceof Error?s.message:String(s);return}finally{this.busy=!1}}async save(e,s){let n=vo(e,s),r={id:e.id,expectedVersion:e.version,...n},o=await this.run(()=>this.client.request(Er,{input:r},["updateNote"]));if(!o)return;let{note:c,errors:l}=o.data.updateNote;if(c)this.note=c,this.mode="view",this.errors=[],this.emit("note-changed",{note:c});else if(l.some(h=>h.code==="CONFLICT")){let h=await this.run(()=>this.client.request(wr,{id:e.id}));this.mine=s,this.theirs=h?.data.note??null,this.mode="conflict"}else this.errors=l}async showHistory(){let e=this.note.id,s=await this.run(()=>this.client.request(kr,{id:e}));e===this.note.id&&(this.history=ot(s?.data.note?.history),this.mode="history")}async deleteNote(){let e=await this.run(()=>this.client.request(Tr,{input:{id:this.note.id}},["deleteNote"]));if(!e)return;let{errors:s}=e.data.deleteNote;if(s.length){this.message=s.map(n=>n.message).join(" ");return}this.mode="view",this.history=[],this.emit("note-deleted",{note:this.note})}async reapply(){if(!this.mine||!this.theirs)return;let e={...Pi(this.theirs)};for(let s of Object.keys(vo(this.note,this.mine)))Object.assign(e,{[s]:this.mine[s]});await this.save(this.theirs,e),this.mode==="view"&&(this.mine=null,this.theirs=null)}edit(){this.editing=Pi(this.note),this.errors=[],this.mode="edit"}keepTheirs(){this.theirs&&(this.note=this.theirs),this.mine=null,this.theirs=null,this.mode="view",this.emit("note-changed",{note:this.note})}render(){let e=this.note;return m`
      <article aria-labelledby="subject-${e.id}">
        <h3 id="subject-${e.id}">${e.pinned?m`<span aria-label="Pinned">📌 </span>`:v}${e.subject}</h3>
        <p class="hint">
          ${de(e.category)} · ${de(e.type)} · visible to ${de(e.scope)} ·
          ${de(e.importance)} importance · ${e.author?.name??"an agent"} · ${wo(e.createdAt)} · v${e.version}
        </p>
        ${e.tags.length?m`<ul class="chips" aria-label="Tags">${e.tags.map(s=>m`<li>${s}</li>`)}</ul>`:v}
        ${this.mode==="edit"?this.renderEdit():v}
        ${this.mode==="conflict"?this.renderConflict():v}
        ${this.mode==="view"||this.mode==="history"?m`<div class="markdown body">${_t(Ct(e.body))}</div>`:v}
        ${this.mode==="history"?this.renderHistory():v}
        ${this.message?m`<p class="error" role="alert">${this.message}</p>`:v}
        ${this.mode==="view"||this.mode==="history"?this.renderActions():v}
      </article>
    `}renderActions(){let e=this.note.subject;return m`<div class="actions">
      ${this.canEdit?m`<button type="button" aria-label="Edit ${e}" @click=${this.edit}>Edit</button>`:v}
      <button
        type="button"
        aria-label="History of ${e}"
        aria-expanded=${this.mode==="history"?"true":"false"}
        @click=${()=>this.mode==="history"?this.mode="view":this.showHistory()}
      >
        History
      </button>
      ${this.canDelete?m`<button type="button" class="danger" aria-label="Delete ${e}" ?disabled=${this.busy}
            @click=${this.deleteNote}>Delete</button>`:v}
    </div>`}renderEdit(){let e=this.scopes.includes(this.note.scope)?this.scopes:[this.note.scope,...this.scopes];return m`<c360-note-form
      heading="Edit note"
      submitLabel="Save changes"
      .initial=${this.editing}
      .scopes=${e}
      .tagSuggestions=${this.tagSuggestions}
      .serverErrors=${this.errors}
      ?busy=${this.busy}
      @note-submit=${s=>{s.stopPropagation(),this.save(this.note,s.detail.fields)}}
    >
      <button slot="actions" type="button" @click=${()=>this.mode="view"}>Cancel</button>
    </c360-note-form>`}renderConflict(){let e=this.mine,s=this.theirs;return m`<section class="status warn" role="alert" aria-label="Edit conflict">
      <p>
        Someone saved this note while you were editing it${s?m` (now version ${s.version})`:v}. Compare and choose.
      </p>
      <div class="row">
        <section aria-label="Your version">
          <h4>Your version</h4>
          <p><strong>${e.subject}</strong></p>
          <div class="markdown">${_t(Ct(e.body))}</div>
        </section>
        <section aria-label="Saved version">
          <h4>Saved version</h4>
          ${s?m`<p><strong>${s.subject}</strong></p>
                <div class="markdown">${_t(Ct(s.body))}</div>`:m`<p>The note is no longer available.</p>`}
        </section>
      </div>
      <div class="actions">
        <button class="primary" type="button" ?disabled=${this.busy||!s} @click=${this.reapply}>
          Reapply my changes
        </button>
        <button type="button" ?disabled=${!s} @click=${this.keepTheirs}>Keep saved version</button>
      </div>
    </section>`}renderHistory(){return m`<section aria-label="History">
      <h4>History</h4>
      ${this.history.length?m`<ol>
            ${this.history.map(e=>m`<li>
                v${e.version} by ${e.editor?.name??"an agent"}, ${wo(e.editedAt)}:
                ${e.changes.map(s=>m`<div><em>${s.field}</em>: ${JSON.stringify(s.before)} → ${JSON.stringify(s.after)}</div>`)}
              </li>`)}
          </ol>`:m`<p class="hint">Not edited since it was written.</p>`}
    </section>`}};Z.styles=ce,g([_({attribute:!1})],Z.prototype,"note",2),g([_({attribute:!1})],Z.prototype,"client",2),g([_({attribute:!1})],Z.prototype,"scopes",2),g([_({attribute:!1})],Z.prototype,"tagSuggestions",2),g([_({type:Boolean})],Z.prototype,"canEdit",2),g([_({type:Boolean})],Z.prototype,"canDelete",2),g([k()],Z.prototype,"mode",2),g([k()],Z.prototype,"busy",2),g([k()],Z.prototype,"errors",2),g([k()],Z.prototype,"history",2),g([k()],Z.prototype,"mine",2),g([k()],Z.prototype,"theirs",2),g([k()],Z.prototype,"message",2),Z=g([le("c360-note-card")],Z);function Ao(i,t){if(!i)return null;let e=new Date(`${i}T00:00:00`);return Number.isNaN(e.getTime())?null:new Date(e.getTime()+(t?86399999:0)).toISOString()}var L=class extends j{constructor(){super(...arguments);this.customerId="";this.scopes=[];this.pending=[];this.me=null;this.notes=[];this.customerTags=[];this.controlledTags=[];this.loading=!1;this.failure="";this.category="";this.type="";this.tag="";this.query="";this.searched="";this.fromDay="";this.toDay="";this.range={from:"",to:""};this.rangeError="";this.highlights=new Map;this.deleted=[];this.notice="";this.total=0;this.next=null;this.loadingMore=!1;this.ticket=0}get tagSuggestions(){let e=[...this.controlledTags,...this.customerTags,...this.notes.flatMap(s=>s.tags)];return[...new Set(e)].sort()}connectedCallback(){super.connectedCallback(),this.load()}async load(){let e=++this.ticket;this.loading=!0,this.failure="";try{if(this.searched){let{data:s}=await this.client.request(Ni,this.searchVariables(null),["searchNotes"]);if(e!==this.ticket)return;this.keepHighlights(s.searchNotes,!1),this.showPage(s.searchNotes,!1)}else{let{data:s}=await this.client.request($r,this.listVariables(),["controlledTags"]);if(e!==this.ticket)return;this.highlights=new Map,this.showPage(s.customer?.notes??null,!1),this.customerTags=s.customer?.tags?ot(s.customer.tags):this.customerTags,this.controlledTags=s.controlledTags.map(n=>n.tag),s.customer||(this.failure="This customer is not available to you.")}this.dispatchEvent(new CustomEvent("notes-loaded",{bubbles:!0,composed:!0}))}catch(s){s instanceof G&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`Notes could not be loaded: ${s instanceof Error?s.message:s}`}finally{e===this.ticket&&(this.loading=!1)}}noteFilter(){return{category:this.category||null,type:this.type||null,tags:this.tag?[this.tag]:null,from:Ao(this.range.from,!1),to:Ao(this.range.to,!0)}}keepHighlights(e,s){let n=new Map(s?this.highlights:[]);for(let r of e.edges)n.set(r.node.id,r.highlights);this.highlights=n}submitSearch(){if(this.fromDay&&this.toDay&&this.fromDay>this.toDay){this.rangeError="The “From” date is after the “To” date.",this.updateComplete.then(()=>this.renderRoot.querySelector("#search-from")?.focus());return}this.rangeError="",this.searched=this.query.trim(),this.range={from:this.fromDay,to:this.toDay},this.load()}clearSearch(){this.query="",this.searched="",this.fromDay="",this.toDay="",this.rangeError="",this.range={from:"",to:""},this.load()}get rangeText(){let{from:e,to:s}=this.range;return`${e?` from ${e}`:""}${s?` to ${s}`:""}`}listVariables(){return{id:this.customerId,filter:this.noteFilter(),first:25}}searchVariables(e){return{query:this.searched,filter:{...this.noteFilter(),customerId:this.customerId},first:25,after:e}}showPage(e,s){let n=ot(e);this.notes=s?[...this.notes,...n.filter(r=>!this.notes.some(o=>o.id===r.id))]:n,this.total=e?.totalCount??this.notes.length,this.next=e?.pageInfo?.hasNextPage?e.pageInfo.endCursor:null}async loadMore(){let e=this.next;if(!e||this.loadingMore)return;let s=this.ticket;this.loadingMore=!0,this.failure="";try{if(this.searched){let{data:r}=await this.client.request(Ni,this.searchVariables(e),["searchNotes"]);if(s!==this.ticket)return;this.keepHighlights(r.searchNotes,!0),this.showPage(r.searchNotes,!0)}else{let{data:r}=await this.client.request(vr,{...this.listVariables(),after:e});if(s!==this.ticket)return;this.showPage(r.customer?.notes??null,!0)}await this.updateComplete,(this.renderRoot.querySelector("#load-more")??this.renderRoot.querySelector("ul.notes"))?.focus()}catch(n){n instanceof G&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`More notes could not be loaded: ${n instanceof Error?n.message:n}`}finally{this.loadingMore=!1}}async restore(e){try{let{data:s}=await this.client.request(xr,{input:{id:e.id}},["restoreNote"]);s.restoreNote.note?(this.deleted=this.deleted.filter(n=>n.id!==e.id),this.notice=`Restored “${e.subject}”.`,await this.load()):this.notice=s.restoreNote.errors.map(n=>n.message).join(" ")}catch(s){this.notice=`Restore failed: ${s instanceof Error?s.message:s}`}}filterSelect(e,s,n,r,o,c=!0){return m`<div>
      <label for=${e}>${s}</label>
      <select id=${e} @change=${l=>{o(l.target.value),this.load()}}>
        <option value="" ?selected=${n===""}>All</option>
        ${r.map(l=>m`<option value=${l} ?selected=${l===n}>${c?de(l):l}</option>`)}
      </select>
    </div>`}render(){return m`
      <section aria-label="Notes">
        <form role="search" aria-label="Search notes" @submit=${e=>{e.preventDefault(),this.submitSearch()}}>
          <label for="search">Search notes</label>
          <div class="row">
            <input id="search" type="search" .value=${this.query}
              @input=${e=>this.query=e.target.value} />
            <button type="submit" class="fit">Search</button>
            ${this.searched||this.range.from||this.range.to?m`<button type="button" class="fit" @click=${this.clearSearch}>Clear</button>`:v}
          </div>
          <div class="row">
            <div>
              <label for="search-from">From date</label>
              <input id="search-from" type="date" .value=${this.fromDay}
                aria-invalid=${this.rangeError?"true":"false"}
                aria-describedby=${this.rangeError?"range-error":v}
                @input=${e=>this.fromDay=e.target.value} />
            </div>
            <div>
              <label for="search-to">To date</label>
              <input id="search-to" type="date" .value=${this.toDay}
                @input=${e=>this.toDay=e.target.value} />
            </div>
          </div>
          ${this.rangeError?m`<p id="range-error" class="error" role="alert">${this.rangeError}</p>`:v}
        </form>
        <div class="row">
          ${this.filterSelect("filter-category","Category",this.category,Cs,e=>this.category=e)}
          ${this.filterSelect("filter-type","Type",this.type,Os,e=>this.type=e)}
          ${this.filterSelect("filter-tag","Tag",this.tag,this.tagSuggestions,e=>this.tag=e,!1)}
        </div>
        ${this.renderPending()}
        ${this.notice?m`<p class="status" role="status">${this.notice}</p>`:v}
        ${this.deleted.map(e=>m`<p class="status">
            Deleted “${e.subject}”.
            <button type="button" @click=${()=>this.restore(e)}>Restore “${e.subject}”</button>
          </p>`)}
        ${this.failure?m`<p class="error" role="alert">${this.failure}</p>`:v}
        <p class="hint" role="status">
          ${this.loading?m`<span class="spinner" aria-hidden="true"></span> Loading notes…`:`${this.next?`${this.notes.length} of ${this.total}`:this.total} note${this.total===1?"":"s"}${this.searched?` matching “${this.searched}”`:""}${this.rangeText}`}
        </p>
        <ul class="notes" aria-label="Notes list" tabindex="-1">
          ${qt(this.notes,e=>e.id,e=>m`<li>
              <c360-note-card
                .note=${e}
                .client=${this.client}
                .scopes=${this.scopes}
                .tagSuggestions=${this.tagSuggestions}
                ?canEdit=${Li(this.me,"edit",e)}
                ?canDelete=${Li(this.me,"delete",e)}
                @note-changed=${()=>{this.load()}}
                @note-deleted=${s=>{this.deleted=[...this.deleted,s.detail.note],this.notice="",this.load()}}
              ></c360-note-card>
              ${this.renderMatches(e)}
            </li>`)}
        </ul>
        ${this.next?m`<button type="button" id="load-more" ?disabled=${this.loadingMore}
              aria-describedby="notes-shown" @click=${()=>{this.loadMore()}}>
              ${this.loadingMore?"Loading more notes…":`Load more notes (${this.total-this.notes.length} more)`}
            </button>
            <span id="notes-shown" class="hint">${this.notes.length} of ${this.total} shown</span>`:v}
      </section>
    `}renderMatches(e){let s=$o(this.highlights.get(e.id));return s.length?m`<p class="matches hint">
      Matches in “${e.subject}”:
      ${s.map((n,r)=>m`${r?" … ":""}${yo(n)}`)}
    </p>`:v}renderPending(){return this.pending.length?m`<section class="status warn" aria-label="Waiting to send">
      <p>
        ${this.pending.length} note${this.pending.length===1?"":"s"} waiting for the
        gateway; kept on this device and retried automatically.
      </p>
      <ul>
        ${this.pending.map(e=>m`<li>${String(e.input.subject??"")}
          (${e.attempts} ${e.attempts===1?"retry":"retries"})</li>`)}
      </ul>
    </section>`:v}};L.styles=ce,g([_({attribute:!1})],L.prototype,"client",2),g([_()],L.prototype,"customerId",2),g([_({attribute:!1})],L.prototype,"scopes",2),g([_({attribute:!1})],L.prototype,"pending",2),g([_({attribute:!1})],L.prototype,"me",2),g([k()],L.prototype,"notes",2),g([k()],L.prototype,"customerTags",2),g([k()],L.prototype,"controlledTags",2),g([k()],L.prototype,"loading",2),g([k()],L.prototype,"failure",2),g([k()],L.prototype,"category",2),g([k()],L.prototype,"type",2),g([k()],L.prototype,"tag",2),g([k()],L.prototype,"query",2),g([k()],L.prototype,"searched",2),g([k()],L.prototype,"fromDay",2),g([k()],L.prototype,"toDay",2),g([k()],L.prototype,"range",2),g([k()],L.prototype,"rangeError",2),g([k()],L.prototype,"highlights",2),g([k()],L.prototype,"deleted",2),g([k()],L.prototype,"notice",2),g([k()],L.prototype,"total",2),g([k()],L.prototype,"next",2),g([k()],L.prototype,"loadingMore",2),L=g([le("c360-notes-panel")],L);var an=[1e3,2e3,4e3,8e3,15e3];async function ln(i,t){try{let{data:e,errors:s}=await i.request(Ar,{input:t},["createNote"]),n=e.createNote;return n.note?{kind:"saved",note:n.note}:n.errors.length?{kind:"invalid",errors:n.errors}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:s.map(o=>o.message).join("; ")||"the note was not saved"}]}}catch(e){return e instanceof G?{kind:"auth"}:e instanceof rt?{kind:"offline",reason:e.message}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:e instanceof Error?e.message:String(e)}]}}}var Ys=class{constructor(t,e,s){this.storage=t;this.client=e;this.events=s;this.flushing=!1;this.online=()=>{this.flush()}}get items(){return this.storage.pending()}start(){window.addEventListener("online",this.online),this.items.length&&this.schedule(0)}stop(){window.removeEventListener("online",this.online),window.clearTimeout(this.timer)}add(t){let e=`${Date.now().toString(36)}-${Math.random().toString(36).slice(2,8)}`;this.storage.savePending([...this.items,{key:e,input:t,queuedAt:Date.now(),attempts:0}]),this.events.changed(),this.schedule(an[0])}discard(t){this.storage.savePending(this.items.filter(e=>e.key!==t)),this.events.changed()}schedule(t){window.clearTimeout(this.timer),this.timer=window.setTimeout(()=>{this.flush()},t)}async flush(){if(!this.flushing){this.flushing=!0;try{for(let t of this.items){let e=await ln(this.client,t.input);if(e.kind==="offline"){let s=t.attempts+1;this.storage.savePending(this.items.map(n=>n.key===t.key?{...n,attempts:s}:n)),this.events.changed(),this.schedule(an[Math.min(s,an.length-1)]);return}if(e.kind==="auth"){this.events.authNeeded();return}this.storage.savePending(this.items.filter(s=>s.key!==t.key)),e.kind==="saved"?this.events.saved(e.note):this.events.rejected(t,e.errors),this.events.changed()}}finally{this.flushing=!1}}}};function cn(i){return JSON.stringify([i.subject,[...i.roles].sort(),i.permissions])}function Eo(i){let t=i.split(".")[1];if(!t)return null;try{let e=atob(t.replaceAll("-","+").replaceAll("_","/")),s=JSON.parse(e);return typeof s.sub=="string"?s.sub:null}catch{return null}}var Oc="c360-notes";function To(i){try{let t=localStorage.getItem(i);return t===null?null:JSON.parse(t)}catch{return null}}function xo(i,t){try{return t===null?localStorage.removeItem(i):localStorage.setItem(i,JSON.stringify(t)),!0}catch{return!1}}var Ks=class{constructor(t,e=""){this.customerId=t;this.subject=e}key(t){return`${Oc}:${t}:${this.subject}:${this.customerId}`}loadDraft(){return To(this.key("draft"))}saveDraft(t){return xo(this.key("draft"),t)}pending(){return To(this.key("pending"))??[]}savePending(t){xo(this.key("pending"),t.length?t:null)}};function Lc(){let i=crypto.getRandomValues(new Uint8Array(16));return Array.from(i,t=>t.toString(16).padStart(2,"0")).join("")}function Pc(i,t,e){return{idempotencyKey:Lc(),customerId:i,subject:t.subject,body:t.body,category:t.category,type:t.type,scope:t.scope,importance:t.importance,pinned:t.pinned,tags:Be(t.tags),creationMs:e,followUp:t.followUp?{assigneeId:t.assigneeId,dueAt:new Date(t.dueAt).toISOString(),instructions:t.instructions||null}:null}}var ie=class extends j{constructor(){super(...arguments);this.customerId="";this.endpoint="/graphql";this.token="";this.me=null;this.tab="notes";this.status="";this.warn=!1;this.busy=!1;this.createErrors=[];this.pending=[];this.checking=!1;this.generation=0;this.meTicket=0;this.waitingForToken=!1;this.resubmit=!1;this.client=new Wt(this.endpoint,()=>this.token);this.storage=null;this.queue=null;this.blank=null;this.findAgents=async e=>{let{data:s}=await this.client.request(xt,{query:e||null});return s.agents?.edges.map(n=>n.node)??[]};this.storageSubject=""}connectedCallback(){super.connectedCallback(),this.init()}init(){this.queue?.stop(),this.client=new Wt(this.endpoint,()=>this.token),this.storageSubject=this.me?.subject??"",this.storage=new Ks(this.customerId,this.storageSubject),this.queue=new Ys(this.storage,this.client,{saved:e=>{this.say(`Saved “${e.subject}” (it was waiting for the gateway).`),this.panel?.load()},rejected:(e,s)=>this.say(`A waiting note was refused: ${s.map(n=>n.message).join(" ")}`,!0),authNeeded:()=>this.requestToken(),changed:()=>this.pending=this.queue?.items??[]}),this.pending=this.queue.items}disconnectedCallback(){super.disconnectedCallback(),this.queue?.stop()}willUpdate(e){let s=["customerId","endpoint"].some(n=>e.get(n)!==void 0);this.isConnected&&s&&(this.init(),this.me&&this.queue?.start()),e.has("token")&&this.me&&this.token&&Eo(this.token)!==this.me.subject&&(this.checking=!0)}updated(e){e.has("token")&&this.token&&this.start()}blankFields(e){return(this.blank?.scope!==e||this.blank.assigneeId!==this.me?.subject)&&(this.blank=Ls(e,this.me?.subject??"")),this.blank}get form(){return this.renderRoot.querySelector("c360-note-form")}get panel(){return this.renderRoot.querySelector("c360-notes-panel")}say(e,s=!1){this.status=e,this.warn=s}async start(){let e=++this.meTicket,s=this.waitingForToken;this.waitingForToken=!1;let n;try{n=(await this.client.request(yr,{},["me"])).data.me}catch(o){if(e!==this.meTicket)return;if(o instanceof G)return this.requestToken();let c=o instanceof Error?o.message:String(o);this.say(`The notes service is unreachable (${c}); trying again…`,!0),window.setTimeout(()=>{e===this.meTicket&&this.start()},3e3);return}if(e!==this.meTicket)return;let r=this.me;if(this.me=n,this.checking=!1,r&&cn(r)!==cn(n)){this.switchPrincipal();return}(!r||this.storageSubject!==n.subject)&&this.init(),this.queue?.start(),s&&(this.say("Signed in again."),this.panel?.load(),this.resubmit&&(this.resubmit=!1,await this.updateComplete,this.form?.submit()))}switchPrincipal(){this.generation+=1,this.blank=null,this.createErrors=[],this.resubmit=!1,this.busy=!1,this.init(),this.queue?.start(),this.say(`Signed in as ${this.me?.agent?.name??this.me?.subject??"someone else"}.`)}requestToken(){this.say("Your session has expired. Your draft is kept; waiting for a new sign-in…",!0),!this.waitingForToken&&(this.waitingForToken=!0,this.dispatchEvent(new CustomEvent("token-expired",{detail:{customerId:this.customerId},bubbles:!0,composed:!0})))}async onSubmit(e){if(this.busy||!this.queue)return;let{fields:s,creationMs:n}=e.detail,r=Pc(Ds(this.customerId),s,n);this.busy=!0,this.say("");let o=await ln(this.client,r);this.busy=!1;let c=Ls(s.scope,this.me?.subject??"");switch(o.kind){case"saved":this.createErrors=[],this.form?.reset(c),this.say(`Saved “${o.note.subject}”.`),this.dispatchEvent(new CustomEvent("note-saved",{detail:{note:o.note,creationMs:n},bubbles:!0,composed:!0})),this.panel?.load();return;case"invalid":this.createErrors=o.errors,this.say("The note was not saved: see the highlighted fields.",!0),this.form?.focusFirstError();return;case"offline":this.queue.add(r),this.form?.reset(c),this.say("The gateway is unreachable. Your note is kept and will be sent automatically.",!0);return;case"auth":this.resubmit=!0,this.requestToken();return}}selectTab(e,s=!1){this.tab=e,s&&this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${e}`)?.focus())}onTabKey(e){["ArrowLeft","ArrowRight","Home","End"].includes(e.key)&&(e.preventDefault(),this.selectTab(this.tab==="notes"?"activity":"notes",!0))}render(){let e=this.me?.permissions.writableScopes??[],s=(n,r)=>m`<button
      role="tab"
      id="tab-${n}"
      aria-selected=${this.tab===n?"true":"false"}
      aria-controls="panel-${n}"
      tabindex=${this.tab===n?0:-1}
      @click=${()=>this.selectTab(n)}
      @keydown=${this.onTabKey}
    >${r}</button>`;return m`
      <section class="sidebar" aria-labelledby="notes-title">
        <h2 id="notes-title">Customer notes</h2>
        <div role="status" class=${this.status?`status${this.warn?" warn":""}`:""}>${this.status}</div>
        ${this.checking?m`<p class="hint">Checking the new sign-in…</p>`:v}
        ${this.me?m`<div ?hidden=${this.checking}>${this.renderTabs(s,e)}</div>`:m`<p class="hint">Connecting to the notes service…</p>`}
      </section>
    `}get viewKey(){return`${this.customerId}|${this.generation}`}renderTabs(e,s){let n=s.includes("INTERNAL")?"INTERNAL":s[0]??"";return m`
      <div role="tablist" aria-label="Sidebar sections">
        ${e("notes","Notes")} ${e("activity","Interactions & follow-ups")}
      </div>
      <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" ?hidden=${this.tab!=="notes"}>
        ${s.length?_s(this.viewKey,m`<c360-note-form
              .initial=${this.blankFields(n)}
              .scopes=${s}
              .storage=${this.storage}
              .serverErrors=${this.createErrors}
              .tagSuggestions=${this.panel?.tagSuggestions??[]}
              ?busy=${this.busy}
              allowFollowUp
              .findAgents=${this.findAgents}
              .knownAgents=${this.me?.agent?[this.me.agent]:[]}
              @note-submit=${this.onSubmit}
            ></c360-note-form>`):m`<p class="hint">You can read this customer's notes but not write them.</p>`}
        ${_s(this.viewKey,m`<c360-notes-panel
          .client=${this.client}
          .customerId=${Ds(this.customerId)}
          .scopes=${s}
          .pending=${this.pending}
          .me=${this.me}
          @auth-needed=${()=>this.requestToken()}
          @notes-loaded=${()=>this.requestUpdate()}
        ></c360-notes-panel>`)}
      </div>
      <div role="tabpanel" id="panel-activity" aria-labelledby="tab-activity" ?hidden=${this.tab!=="activity"}>
        ${this.tab==="activity"?_s(this.viewKey,m`<c360-activity .client=${this.client}
              .customerId=${Ds(this.customerId)}
              @auth-needed=${()=>this.requestToken()}></c360-activity>`):v}
      </div>
    `}};ie.styles=ce,g([_({attribute:"customer-id"})],ie.prototype,"customerId",2),g([_()],ie.prototype,"endpoint",2),g([_({attribute:!1})],ie.prototype,"token",2),g([k()],ie.prototype,"me",2),g([k()],ie.prototype,"tab",2),g([k()],ie.prototype,"status",2),g([k()],ie.prototype,"warn",2),g([k()],ie.prototype,"busy",2),g([k()],ie.prototype,"createErrors",2),g([k()],ie.prototype,"pending",2),g([k()],ie.prototype,"checking",2),ie=g([le("customer-notes")],ie);
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
lit-html/directive.js:
lit-html/directives/repeat.js:
lit-html/directives/unsafe-html.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
lit-html/directives/keyed.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

dompurify/dist/purify.es.mjs:
  (*! @license DOMPurify 3.4.18 | (c) Cure53 and other contributors | Released under the Apache license 2.0 and Mozilla Public License 2.0 | github.com/cure53/DOMPurify/blob/3.4.18/LICENSE *)
  (*! regenerator-runtime -- Copyright (c) 2014-present, Facebook, Inc. -- license (MIT): https://github.com/babel/babel/blob/main/packages/babel-helpers/LICENSE *)
*/
